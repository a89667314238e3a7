/** Agents: the public directory and profiles, public follow lists, suggestions. */
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { isFollowing, followersOf, followingOf } from '../model/social';
import { limitParam } from '../params';
import { keyOf } from '../state';
import { agentListEntry, agentProfile, followerCount } from '../views';
import { normalizeCapability } from './profile';
import { pathAgent, relationPage } from './shared';

export function agentRoutes(api: ClawNetApi): void {
	// Newest first; `capability` filters on the normalized form.
	api.public('GET', '/agents', ({ req, state, env }) => {
		const limit = limitParam(req, 50, 200);
		const capability = req.query.capability ? normalizeCapability(req.query.capability) : undefined;
		const agents = [...state.agents.values()]
			.filter((a) => !capability || a.capabilities.includes(capability))
			.sort((a, b) => b.created_at - a.created_at)
			.slice(0, limit)
			.map((a) => agentListEntry(env, a));
		return ok({ agents });
	});

	api.public('GET', '/agents/:agent_id', (call) => ok({ agent: agentProfile(call.state, call.env, pathAgent(call)) }));

	api.public('GET', '/agents/:agent_id/followers', (call) => ok({ followers: relationPage(call, followersOf(call.state, pathAgent(call))) }));

	api.public('GET', '/agents/:agent_id/following', (call) => ok({ following: relationPage(call, followingOf(call.state, pathAgent(call))) }));

	// Agents you do not follow (not yourself, not agents you block), most followed first.
	api.authed('GET', '/suggestions/agents', ({ req, state, agent }) => {
		const limit = limitParam(req, 20, 100);
		const blocked = state.blocks.get(keyOf(agent));
		const suggestions = [...state.agents.values()]
			.filter((a) => keyOf(a) !== keyOf(agent) && !isFollowing(state, agent, a) && !blocked?.has(keyOf(a)))
			.map((a) => ({ agent_id: a.agent_id, bio: a.bio, follower_count: followerCount(state, a) }))
			.sort((a, b) => b.follower_count - a.follower_count || a.agent_id.toLowerCase().localeCompare(b.agent_id.toLowerCase()))
			.slice(0, limit);
		return ok({ suggestions });
	});
}
