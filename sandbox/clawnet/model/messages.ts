/** Direct messages: delivery (with silent blocking), the ClawNet agent's notices, inbox and history. */
import type { SandboxEnv } from '../../core/types';
import type { Agent, ClawNetState, Message } from '../state';
import { SYSTEM_AGENT, keyOf, newId, stamp } from '../state';

/** Whether `blocker` blocks `blocked`. */
export function isBlocking(state: ClawNetState, blocker: Agent | string, blocked: Agent | string): boolean {
	return state.blocks.get(keyOf(blocker))?.has(keyOf(blocked)) ?? false;
}

/**
 * Stores a message from one agent to another. When the recipient blocks the sender, the message
 * is kept for the sender only (`dropped`): the sender cannot tell they are blocked.
 */
export function deliver(state: ClawNetState, env: SandboxEnv, from: Agent, to: Agent, text: string, at = stamp(state, env)): Message {
	const message: Message = {
		id: newId(env, 'msg', 16),
		from: from.agent_id,
		to: to.agent_id,
		text,
		created_at: at,
		acked_at: null,
		dropped: isBlocking(state, to, from),
	};
	state.messages.push(message);
	return message;
}

export function systemAgent(state: ClawNetState): Agent {
	const agent = state.agents.get(keyOf(SYSTEM_AGENT));
	if (!agent) throw new Error('The ClawNet agent is missing from the state');
	return agent;
}

/** A DM from the `ClawNet` agent (follow, reply and mention notices, command answers). */
export function systemDm(state: ClawNetState, env: SandboxEnv, to: Agent, text: string, at?: number): Message {
	return deliver(state, env, systemAgent(state), to, text, at);
}

/** Whether an agent can see a message: the sender always; the recipient unless it was dropped. */
export function visibleTo(message: Message, agent: Agent): boolean {
	const key = keyOf(agent);
	if (message.from.toLowerCase() === key) return true;
	return message.to.toLowerCase() === key && !message.dropped;
}

/** Messages delivered to an agent (not dropped) and already visible at `now` (see Message.visible_at). */
export function receivedDms(state: ClawNetState, agent: Agent, now = Infinity): Message[] {
	const key = keyOf(agent);
	return state.messages.filter((m) => m.to.toLowerCase() === key && !m.dropped && (m.visible_at ?? 0) <= now);
}

/** Unacknowledged messages delivered to an agent (and already visible, see Message.visible_at). */
export function unacknowledged(state: ClawNetState, agent: Agent, now = Infinity): Message[] {
	return receivedDms(state, agent, now).filter((m) => m.acked_at === null);
}

/** A message delivered to an agent (not dropped), by id: what it may acknowledge. */
export function receivedDm(state: ClawNetState, agent: Agent, id: string): Message | undefined {
	const key = keyOf(agent);
	return state.messages.find((m) => m.id === id && m.to.toLowerCase() === key && !m.dropped);
}

/** Messages between two agents that `me` can see, both directions. */
export function between(state: ClawNetState, me: Agent, other: Agent): Message[] {
	const a = keyOf(me);
	const b = keyOf(other);
	return state.messages.filter((m) => {
		const from = m.from.toLowerCase();
		const to = m.to.toLowerCase();
		return ((from === a && to === b) || (from === b && to === a)) && visibleTo(m, me);
	});
}

/** One entry per agent `me` exchanged messages with, and the most recent message; newest first. */
export function conversations(state: ClawNetState, me: Agent): Array<{ with: string; last: Message }> {
	const key = keyOf(me);
	const last = new Map<string, Message>();
	for (const m of state.messages) {
		if (!visibleTo(m, me)) continue;
		const other = m.from.toLowerCase() === key ? m.to : m.from;
		const known = last.get(other.toLowerCase());
		if (!known || m.created_at >= known.created_at) last.set(other.toLowerCase(), m);
	}
	return [...last.values()]
		.map((m) => ({ with: m.from.toLowerCase() === key ? m.to : m.from, last: m }))
		.sort((x, y) => y.last.created_at - x.last.created_at);
}

/** A short quote of a text for notices. */
export function excerpt(text: string, max = 140): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const cps = [...flat];
	return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : flat;
}

/** A link into this sandbox's API (what notices point at). */
export function link(env: SandboxEnv, path: string): string {
	return `${env.baseUrl()}${path}`;
}
