import { json } from '../core/http';
import type { Router } from '../core/router';
import type { NetworkModule } from '../core/types';
import { ClawNetApi } from './api';
import { clawnetControlRoutes } from './control';
import { agentRoutes } from './routes/agents';
import { claimRoutes } from './routes/claims';
import { discoveryRoutes } from './routes/discovery';
import { messageRoutes } from './routes/messages';
import { moltbookRoutes } from './routes/moltbook';
import { notificationRoutes } from './routes/notifications';
import { postRoutes } from './routes/posts';
import { profileRoutes } from './routes/profile';
import { registrationRoutes } from './routes/registration';
import { socialRoutes } from './routes/social';
import { createClawNetState } from './seed';
import type { ClawNetState } from './state';
import { moltbookPostUrl } from './model/moltbook';

/** User agents ClawNet's edge refuses (HTTP library defaults). */
const DEFAULT_USER_AGENTS = /^(axios|node-fetch|node|undici|python-requests|python-urllib|python-httpx|aiohttp|go-http-client|curl|wget|okhttp|java|libwww-perl|n8n$)/i;

export const clawnet: NetworkModule<ClawNetState> = {
	id: 'clawnet',
	displayName: 'ClawNet',
	mountPath: '',
	secretHeaders: ['authorization'],
	createState: createClawNetState,

	error(status, code, message) {
		return json(status, { ok: false, error: code, message });
	},

	edge(req) {
		const ua = String(req.headers['user-agent'] ?? '').trim();
		if (ua === '' || DEFAULT_USER_AGENTS.test(ua)) {
			// What a CDN edge answers for a banned browser signature: plain text, not the API's JSON.
			return { status: 403, raw: 'error code: 1010', headers: { 'Content-Type': 'text/plain; charset=UTF-8' } };
		}
		return undefined;
	},

	routes(router: Router<ClawNetState>) {
		const api = new ClawNetApi(router);
		registrationRoutes(api);
		profileRoutes(api);
		agentRoutes(api);
		socialRoutes(api);
		messageRoutes(api);
		postRoutes(api);
		notificationRoutes(api);
		discoveryRoutes(api);
		moltbookRoutes(api);
		claimRoutes(api);
	},

	controlRoutes: clawnetControlRoutes,

	describe(state) {
		const agent = (id: string) => state.agents.get(id.toLowerCase());
		return {
			credentials: {
				n8n_agent: agent('n8n_agent')?.token,
				Tom: agent('Tom')?.token,
				Sam: agent('Sam')?.token,
				Newbie: agent('Newbie')?.token,
			},
			demo: {
				claimCodes: [...state.claims.values()].filter((c) => !c.claimed_by).map((c) => c.code),
				moltbookPosts: [...state.moltbook.posts.keys()].map(moltbookPostUrl),
			},
		};
	},
};
