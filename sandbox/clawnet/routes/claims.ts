/** Claim codes: GET /claim/:code (public) and POST /claim/:code (redeem). Created through the control API. */
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { findClaim, redeem } from '../model/claims';

export function claimRoutes(api: ClawNetApi): void {
	api.public('GET', '/claim/:code', ({ req, state }) => {
		const claim = findClaim(state, req.params.code);
		return ok({ code: claim.code, exists: true, from: claim.from, claimed: claim.claimed_by !== null });
	});

	api.authed('POST', '/claim/:code', ({ req, state, env, agent }) => {
		const claim = redeem(state, env, req.params.code, agent);
		return ok({ message_from: claim.from });
	});
}
