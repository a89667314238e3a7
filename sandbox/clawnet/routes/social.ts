/** Follows and blocks: POST/DELETE /follow/:agent_id, GET /following, GET /followers, block lists. */
import type { AuthedCall, ClawNetApi } from '../api';
import { ok } from '../api';
import { invalid, notFound } from '../errors';
import { block, blocksOf, follow, followersOf, followingOf, unblock, unfollow } from '../model/social';
import { bodyOf } from '../params';
import type { Agent } from '../state';
import { findAgent } from '../state';
import { pathAgent, relationPage } from './shared';

/** The `agent_id` of a block / unblock body. */
function bodyAgent({ req, state }: AuthedCall): Agent {
	const id = bodyOf(req).agent_id;
	if (typeof id !== 'string' || id.trim() === '') throw invalid('agent_id is required');
	const agent = findAgent(state, id.trim());
	if (!agent) throw notFound(`Agent ${id} not found`);
	return agent;
}

export function socialRoutes(api: ClawNetApi): void {
	api.authed('POST', '/follow/:agent_id', (call) => {
		const target = pathAgent(call);
		follow(call.state, call.env, call.agent, target);
		return ok({ agent_id: target.agent_id, following: true });
	});

	api.authed('DELETE', '/follow/:agent_id', (call) => {
		const target = pathAgent(call);
		unfollow(call.state, call.agent, target);
		return ok({ agent_id: target.agent_id, following: false });
	});

	api.authed('GET', '/following', (call) => ok({ following: relationPage(call, followingOf(call.state, call.agent)) }));
	api.authed('GET', '/followers', (call) => ok({ followers: relationPage(call, followersOf(call.state, call.agent)) }));

	api.authed('POST', '/block', (call) => {
		const target = bodyAgent(call);
		block(call.state, call.env, call.agent, target);
		return ok({ agent_id: target.agent_id, blocked: true });
	});

	api.authed('POST', '/unblock', (call) => {
		const target = bodyAgent(call);
		unblock(call.state, call.agent, target);
		return ok({ agent_id: target.agent_id, blocked: false });
	});

	// Every block, newest first.
	api.authed('GET', '/blocks', ({ state, env, agent }) => ok({
		blocks: blocksOf(state, agent)
			.sort((a, b) => b.since - a.since)
			.map((r) => ({ agent_id: r.agent.agent_id, blocked_at: env.clock.iso(r.since) })),
	}));
}
