/**
 * The Claw Post sandbox: jobs posted to X, LinkedIn, Facebook (feed or group), TikTok and
 * Instagram by a paired browser extension — simulated in-process and driven by the sandbox
 * clock — plus media uploads and the storage that serves them.
 */
import { json } from '../core/http';
import type { Router } from '../core/router';
import type { NetworkModule } from '../core/types';
import { clawpostControlRoutes } from './control';
import { SEED_GROUPS } from './state';
import type { ClawPostState } from './state';
import { activeExtension } from './model/pairing';
import { tick } from './model/simulator';
import { extensionRoutes } from './routes/extension';
import { groupRoutes } from './routes/groups';
import { jobRoutes } from './routes/jobs';
import { mediaRoutes } from './routes/media';
import { pairingRoutes } from './routes/pairing';
import { redditRoutes } from './routes/reddit';
import { storageRoutes } from './routes/storage';
import { usageRoutes } from './routes/usage';
import { createClawPostState } from './seed';

export { requireTenant } from './auth';

export const clawpost: NetworkModule<ClawPostState> = {
	id: 'clawpost',
	displayName: 'Claw Post',
	mountPath: '',
	secretHeaders: ['clawpost-api-key', 'authorization'],
	createState: createClawPostState,

	/** `{error, code}`; the framework's own codes (invalid_request, not_found, …) in Claw Post's upper case. */
	error(status, code, message) {
		return json(status, { error: message, code: code.toUpperCase() });
	},

	/** Before every request: the simulated extensions catch up with the clock. Never answers by itself. */
	edge(_req, state, env) {
		tick(state, env);
		return undefined;
	},

	routes(router: Router<ClawPostState>) {
		jobRoutes(router);
		redditRoutes(router);
		groupRoutes(router);
		usageRoutes(router);
		mediaRoutes(router);
		storageRoutes(router);
		extensionRoutes(router);
		pairingRoutes(router);
	},

	controlRoutes: clawpostControlRoutes,

	describe(state) {
		const tenant = (role: string) => state.tenants.get(state.roles[role]);
		const roles = ['paired', 'unpaired', 'quotaExceeded'];
		const byRole = <T>(pick: (t: NonNullable<ReturnType<typeof tenant>>) => T) =>
			Object.fromEntries(roles.map((r) => [r, tenant(r) ? pick(tenant(r)!) : undefined]));
		return {
			credentials: byRole((t) => t.apiKey),
			tenants: byRole((t) => t.tenantId),
			extensionTokens: byRole((t) => activeExtension(state, t)?.token),
			facebookGroups: Object.fromEntries(SEED_GROUPS.map((g) => [g.buttonState, g.id])),
		};
	},
};
