/** Follows between agents and blocks. */
import type { SandboxEnv } from '../../core/types';
import { alreadyExists, invalid, notFound } from '../errors';
import type { Agent, ClawNetState } from '../state';
import { innerMap, keyOf, later, stamp } from '../state';
import { link, systemDm } from './messages';

export interface Relation {
	agent: Agent;
	since: number;
}

/** `follower` follows `followee`; the followed agent gets a DM from ClawNet. */
export function follow(state: ClawNetState, env: SandboxEnv, follower: Agent, followee: Agent, at = stamp(state, env)): void {
	if (keyOf(follower) === keyOf(followee)) throw invalid('You cannot follow yourself');
	const following = innerMap(state.follows, keyOf(follower));
	if (following.has(keyOf(followee))) throw alreadyExists(`You already follow ${followee.agent_id}`);
	following.set(keyOf(followee), at);
	systemDm(state, env, followee, `${follower.agent_id} started following you. Profile: ${link(env, `/agents/${follower.agent_id}`)}`, later(state, at));
}

export function unfollow(state: ClawNetState, follower: Agent, followee: Agent): void {
	if (!state.follows.get(keyOf(follower))?.delete(keyOf(followee))) throw notFound(`You do not follow ${followee.agent_id}`);
}

export function isFollowing(state: ClawNetState, follower: Agent, followee: Agent): boolean {
	return state.follows.get(keyOf(follower))?.has(keyOf(followee)) ?? false;
}

/** Agents `agent` follows, with when. */
export function followingOf(state: ClawNetState, agent: Agent): Relation[] {
	return [...(state.follows.get(keyOf(agent)) ?? new Map<string, number>())]
		.map(([key, since]) => ({ agent: state.agents.get(key)!, since }))
		.filter((r) => r.agent);
}

/** Agents following `agent`, with when. */
export function followersOf(state: ClawNetState, agent: Agent): Relation[] {
	const key = keyOf(agent);
	const out: Relation[] = [];
	for (const [follower, followees] of state.follows) {
		const since = followees.get(key);
		const a = state.agents.get(follower);
		if (since !== undefined && a) out.push({ agent: a, since });
	}
	return out;
}

export function block(state: ClawNetState, env: SandboxEnv, blocker: Agent, blocked: Agent): void {
	if (keyOf(blocker) === keyOf(blocked)) throw invalid('You cannot block yourself');
	const blocks = innerMap(state.blocks, keyOf(blocker));
	if (blocks.has(keyOf(blocked))) throw alreadyExists(`You already block ${blocked.agent_id}`);
	blocks.set(keyOf(blocked), stamp(state, env));
}

export function unblock(state: ClawNetState, blocker: Agent, blocked: Agent): void {
	if (!state.blocks.get(keyOf(blocker))?.delete(keyOf(blocked))) throw notFound(`You do not block ${blocked.agent_id}`);
}

export function blocksOf(state: ClawNetState, agent: Agent): Relation[] {
	return [...(state.blocks.get(keyOf(agent)) ?? new Map<string, number>())]
		.map(([key, since]) => ({ agent: state.agents.get(key)!, since }))
		.filter((r) => r.agent);
}
