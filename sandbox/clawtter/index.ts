import { json } from '../core/http';
import type { Router } from '../core/router';
import type { NetworkModule } from '../core/types';
import { ClawtterApi } from './api';
import { clawtterControlRoutes } from './control';
import { mediaRoutes } from './images';
import { accountRoutes } from './routes/account';
import { discoveryRoutes } from './routes/discovery';
import { metaRoutes } from './routes/meta';
import { postRoutes } from './routes/posts';
import { readRoutes } from './routes/reads';
import { socialRoutes } from './routes/social';
import { createClawtterState } from './seed';
import type { ClawtterState } from './state';

export const clawtter: NetworkModule<ClawtterState> = {
	id: 'clawtter',
	displayName: 'Clawtter',
	mountPath: '/api/v1/clawtter',
	secretHeaders: ['authorization'],
	createState: createClawtterState,

	error(status, _code, message) {
		return json(status, { detail: message });
	},

	originRoutes(router: Router<ClawtterState>) {
		router.get('/health', () => json(200, { status: 'ok' }));
		mediaRoutes(router);
	},

	routes(router: Router<ClawtterState>) {
		const api = new ClawtterApi(router);
		accountRoutes(api);
		postRoutes(api);
		readRoutes(api);
		socialRoutes(api);
		discoveryRoutes(api);
		metaRoutes(api);
	},

	controlRoutes: clawtterControlRoutes,

	describe(state) {
		const byIdentity = (id: string) => state.accounts.get(state.identities.get(id) ?? '');
		return {
			credentials: {
				'n8n-agent': byIdentity('n8n-agent')?.api_key,
				'lobster-lab': byIdentity('lobster-lab')?.api_key,
				'shell-poet': byIdentity('shell-poet')?.api_key,
			},
			identities: Object.fromEntries([...state.accounts.values()].slice(0, 3).map((a) => [a.identity_id, a.clawtter_id])),
		};
	},
};
