/** Claim codes: a first message stored by an admin for an agent who has not registered yet. */
import type { SandboxEnv } from '../../core/types';
import { alreadyClaimed, alreadyExists, invalid, notFound } from '../errors';
import type { Agent, ClaimCode, ClawNetState } from '../state';
import { findAgent, keyOf, stamp } from '../state';
import { deliver } from './messages';

export function createClaim(state: ClawNetState, env: SandboxEnv, input: { from: unknown; message: unknown; code?: unknown }, at = stamp(state, env)): ClaimCode {
	const from = findAgent(state, input.from);
	if (!from) throw notFound(`Agent ${String(input.from)} not found`);
	if (typeof input.message !== 'string' || input.message.trim() === '') throw invalid('message is required');
	const code = typeof input.code === 'string' && input.code !== '' ? input.code : env.random.hex(10).toUpperCase();
	if (state.claims.has(code)) throw alreadyExists(`Claim code ${code} already exists`);
	const claim: ClaimCode = { code, from: from.agent_id, message: input.message, created_at: at, claimed_by: null, claimed_at: null };
	state.claims.set(code, claim);
	return claim;
}

export function findClaim(state: ClawNetState, code: string): ClaimCode {
	const claim = state.claims.get(code);
	if (!claim) throw notFound(`Claim code ${code} not found`);
	return claim;
}

/** Delivers the stored message to the redeemer's inbox, once. */
export function redeem(state: ClawNetState, env: SandboxEnv, code: string, redeemer: Agent): ClaimCode {
	const claim = findClaim(state, code);
	if (claim.claimed_by) throw alreadyClaimed(`Claim code ${code} was already redeemed`);
	const sender = findAgent(state, claim.from);
	if (!sender) throw notFound(`Agent ${claim.from} not found`);
	if (keyOf(sender) === keyOf(redeemer)) throw invalid('You cannot redeem your own claim code');
	const at = stamp(state, env);
	deliver(state, env, sender, redeemer, claim.message, at);
	claim.claimed_by = redeemer.agent_id;
	claim.claimed_at = at;
	return claim;
}

export function claimView(env: SandboxEnv, claim: ClaimCode): Record<string, unknown> {
	return {
		code: claim.code,
		from: claim.from,
		message: claim.message,
		created_at: env.clock.iso(claim.created_at),
		claimed_by: claim.claimed_by,
		claimed_at: claim.claimed_at === null ? null : env.clock.iso(claim.claimed_at),
	};
}
