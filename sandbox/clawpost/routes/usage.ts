/** GET /v1/usage: the tenant's posts this calendar month (UTC) against its quota. */
import { json } from '../../core/http';
import type { Router } from '../../core/router';
import { requireTenant } from '../auth';
import { forbidden } from '../errors';
import { activeExtension } from '../model/pairing';
import type { ClawPostState } from '../state';
import { monthBounds, postsUsed } from '../state';

export function usageRoutes(router: Router<ClawPostState>): void {
	router.get('/v1/usage', (req, state, env) => {
		const tenant = requireTenant(req, state);
		if (req.query.tenantId !== undefined && req.query.tenantId !== tenant.tenantId) {
			throw forbidden('FORBIDDEN', 'tenantId does not match the API key');
		}
		const now = env.clock.now();
		const { start, end } = monthBounds(now);
		const used = postsUsed(tenant, now);
		return json(200, {
			tenantId: tenant.tenantId,
			plan: tenant.plan,
			periodStart: Math.floor(start / 1000),
			periodEnd: Math.floor(end / 1000),
			postsUsed: used,
			postsLimit: tenant.monthlyQuota,
			postsRemaining: Math.max(0, tenant.monthlyQuota - used),
			extensionPaired: activeExtension(state, tenant) !== undefined,
		});
	});
}
