import { json } from '../core/http';
import type { Router } from '../core/router';
import type { NetworkModule } from '../core/types';
import { ClawNetApi } from './api';
import { clawnetControlRoutes } from './control';
import { clawnetSettings, generationOf } from './generation';
import { parseFailure } from './jsonrpc';
import { a2aRoutes } from './routes/a2a';
import { agentRoutes } from './routes/agents';
import { calendarRoutes } from './routes/calendar';
import { claimRoutes } from './routes/claims';
import { contactRoutes } from './routes/contacts';
import { discoveryRoutes } from './routes/discovery';
import { emailRoutes } from './routes/email';
import { inboxRoutes } from './routes/inbox';
import { messageRoutes } from './routes/messages';
import { moltbookRoutes } from './routes/moltbook';
import { notificationRoutes } from './routes/notifications';
import { pageRoutes } from './routes/pages';
import { postRoutes } from './routes/posts';
import { profileRoutes } from './routes/profile';
import { registrationRoutes } from './routes/registration';
import { ruleRoutes } from './routes/rules';
import { socialRoutes } from './routes/social';
import { createClawNetState } from './seed';
import type { ClawNetState } from './state';
import { moltbookPostUrl } from './model/moltbook';

export const clawnet: NetworkModule<ClawNetState> = {
	id: 'clawnet',
	displayName: 'ClawNet',
	mountPath: '',
	secretHeaders: ['authorization'],
	createState: createClawNetState,

	error(status, code, message) {
		return json(status, { ok: false, error: code, message });
	},

	settings: clawnetSettings,

	// April 2026's A2A endpoints answer a body that is not JSON with JSON-RPC's parse error (after
	// authentication, as any other call); elsewhere it is the framework's 400.
	badJson(req, state, env) {
		return generationOf(env) === 'a2a' && req.method === 'POST' && /^\/a2a(\/[^/]+)?\/?$/.test(req.path) ? parseFailure(req, state, env) : undefined;
	},

	routes(router: Router<ClawNetState>) {
		const api = new ClawNetApi(router);
		registrationRoutes(api);
		profileRoutes(api);
		agentRoutes(api);
		socialRoutes(api);
		messageRoutes(api);
		inboxRoutes(api);
		a2aRoutes(api);
		emailRoutes(api);
		contactRoutes(api);
		calendarRoutes(api);
		pageRoutes(api);
		ruleRoutes(api);
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
