import { json } from '../core/http';
import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { NetworkModule, SandboxRequest } from '../core/types';
import type { ClawPostState, Tenant } from './state';
import { createClawPostState, monthBounds } from './state';

/** The tenant a request acts as; 401 without or with a wrong `clawpost-api-key`. */
export function requireTenant(req: SandboxRequest, state: ClawPostState): Tenant {
	const key = req.headers['clawpost-api-key'];
	const tenantId = typeof key === 'string' ? state.keys.get(key.trim()) : undefined;
	const tenant = tenantId ? state.tenants.get(tenantId) : undefined;
	if (!tenant) {
		throw new HttpError(401, 'UNAUTHORIZED', typeof key === 'string' ? 'Invalid API key' : 'Missing clawpost-api-key header');
	}
	req.principal = tenant.tenantId;
	return tenant;
}

export const clawpost: NetworkModule<ClawPostState> = {
	id: 'clawpost',
	displayName: 'Claw Post',
	mountPath: '',
	secretHeaders: ['clawpost-api-key', 'authorization'],
	createState: createClawPostState,

	error(status, code, message) {
		return json(status, { error: message, code });
	},

	routes(router: Router<ClawPostState>) {
		router.get('/v1/usage', (req, state, env) => {
			const tenant = requireTenant(req, state);
			if (req.query.tenantId !== undefined && req.query.tenantId !== tenant.tenantId) {
				throw new HttpError(403, 'FORBIDDEN', 'tenantId does not match the API key');
			}
			const { start, end } = monthBounds(env.clock.now());
			const used = tenant.jobTimes.filter((t) => t >= start && t < end).length;
			return json(200, {
				tenantId: tenant.tenantId,
				plan: tenant.plan,
				periodStart: start,
				periodEnd: end,
				postsUsed: used,
				postsLimit: tenant.monthlyQuota,
				postsRemaining: Math.max(0, tenant.monthlyQuota - used),
				extensionPaired: tenant.extensionPaired,
			});
		});
	},

	describe(state) {
		const [main, unpaired, exhausted] = [...state.tenants.values()];
		return {
			credentials: { paired: main?.apiKey, unpaired: unpaired?.apiKey, quotaExceeded: exhausted?.apiKey },
			tenants: { paired: main?.tenantId, unpaired: unpaired?.tenantId, quotaExceeded: exhausted?.tenantId },
		};
	},
};
