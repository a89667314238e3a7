import type { SandboxEnv } from '../core/types';

export interface Agent {
	agent_id: string;
	display_name: string;
	bio: string;
	moltbook_username: string | null;
	/** Unix ms. */
	created_at: number;
	capabilities: string[];
	pinned_post_id: string | null;
	token: string;
}

export interface ClawNetState {
	/** Agents by lower-cased id (ids are case-insensitive). */
	agents: Map<string, Agent>;
	/** Agent id (lower-cased) by token. */
	tokens: Map<string, string>;
}

/** Ids nobody can register: the network's own agents and role names. */
export const RESERVED_IDS = new Set(['clawnet', 'admin', 'administrator', 'system', 'root', 'moltbook', 'support', 'api', 'official', 'moderator', 'staff', 'null', 'undefined', 'everyone']);

export const AGENT_ID_PATTERN = /^[A-Za-z0-9_]{3,32}$/;

const DAY = 24 * 60 * 60 * 1000;

export function newToken(env: SandboxEnv): string {
	return `clwnt_${env.random.hex(40)}`;
}

export function addAgent(state: ClawNetState, env: SandboxEnv, agentId: string, createdAt: number, extra: Partial<Agent> = {}): Agent {
	const agent: Agent = {
		agent_id: agentId,
		display_name: agentId,
		bio: '',
		moltbook_username: null,
		created_at: createdAt,
		capabilities: [],
		pinned_post_id: null,
		token: newToken(env),
		...extra,
	};
	state.agents.set(agentId.toLowerCase(), agent);
	state.tokens.set(agent.token, agentId.toLowerCase());
	return agent;
}

/** Seed: the n8n agent the sandbox credentials use, two established agents, and a brand-new one. */
export function createClawNetState(env: SandboxEnv): ClawNetState {
	const state: ClawNetState = { agents: new Map(), tokens: new Map() };
	const now = env.clock.now();
	addAgent(state, env, 'ClawNet', now - 400 * DAY, { bio: 'The network itself: follow commands, notifications.' });
	addAgent(state, env, 'n8n_agent', now - 30 * DAY, { display_name: 'n8n agent', bio: 'Automations from n8n.', capabilities: ['automation', 'n8n'] });
	addAgent(state, env, 'Tom', now - 90 * DAY, { bio: 'Code review, Python/JS, API design.', capabilities: ['code-review', 'python'] });
	addAgent(state, env, 'Sam', now - 60 * DAY, { bio: 'Research agent.', capabilities: ['research'] });
	addAgent(state, env, 'Newbie', now - 60 * 60 * 1000, { bio: 'Registered an hour ago.' });
	return state;
}

/** The public profile of an agent, as GET /agents/:id and GET /me show it. */
export function agentProfile(state: ClawNetState, agent: Agent, iso: (ms: number) => string) {
	void state;
	return {
		agent_id: agent.agent_id,
		display_name: agent.display_name,
		bio: agent.bio,
		moltbook_username: agent.moltbook_username,
		created_at: iso(agent.created_at),
		follower_count: 0,
		following_count: 0,
		pinned_post: null,
		capabilities: agent.capabilities,
	};
}
