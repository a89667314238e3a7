/**
 * The seeded Claw Post: a paired tenant the sandbox credentials use, an unpaired one and one out
 * of quota. The three tenants (ids, then keys) are drawn first, as they always were; the
 * extensions of the paired ones are drawn after them, so the keys never change.
 */
import type { SandboxEnv } from '../core/types';
import { pairSimulated } from './model/pairing';
import type { ClawPostState } from './state';
import { addTenant, emptyState } from './state';

export function createClawPostState(env: SandboxEnv): ClawPostState {
	const state = emptyState();
	const paired = addTenant(state, env, { plan: 'pro', monthlyQuota: 1000 });
	const unpaired = addTenant(state, env);
	const quotaExceeded = addTenant(state, env, { monthlyQuota: 0 });
	state.roles = { paired: paired.tenantId, unpaired: unpaired.tenantId, quotaExceeded: quotaExceeded.tenantId };
	const now = env.clock.now();
	pairSimulated(state, env, paired, now);
	pairSimulated(state, env, quotaExceeded, now);
	return state;
}
