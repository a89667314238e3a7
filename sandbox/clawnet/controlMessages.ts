/**
 * Control route for delivery tests: DMs in bulk with the timing real servers produce and the API
 * alone cannot — many messages with one `created_at`, and messages that become visible after a
 * newer one (a commit that lands late). Each is delivered through the same model as `POST /send`.
 */
import { json } from '../core/http';
import type { Router } from '../core/router';
import { invalid, notFound } from './errors';
import { deliver } from './model/messages';
import { notificationsOf } from './model/notifications';
import { createPost, react } from './model/posts';
import type { Agent, ClawNetState } from './state';
import { findAgent, stamp } from './state';

const MAX_BATCH = 10000;

function timeOf(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (!Number.isFinite(ms)) throw invalid(`${field} must be an ISO date or unix milliseconds`);
	return ms;
}

function agentOf(state: ClawNetState, value: unknown): Agent {
	const agent = findAgent(state, value);
	if (!agent) throw notFound(`Agent ${String(value)} not found`);
	return agent;
}

function countOf(body: Record<string, unknown>): number {
	const count = body.count === undefined ? 1 : Number(body.count);
	if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) throw invalid(`count must be an integer from 1 to ${MAX_BATCH}`);
	return count;
}

export function clawnetMessageControlRoutes(router: Router<ClawNetState>): void {
	// Posts by `author` mentioning `mention`, without the posting rate limit: {author, mention,
	// count?, created_at? (one time for all)} → {posts: [{id, created_at}]}. Mentions notify by DM
	// as usual.
	router.post('/mentions', (req, state, env) => {
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		const author = agentOf(state, body.author);
		const mention = agentOf(state, body.mention);
		const count = countOf(body);
		const fixed = timeOf(body.created_at, 'created_at');
		const out: Array<{ id: string; created_at: string }> = [];
		for (let i = 0; i < count; i++) {
			const post = createPost(state, env, author, { content: `@${mention.agent_id} ping #${i + 1}`, mentions: [mention.agent_id] }, fixed ?? stamp(state, env));
			out.push({ id: post.id, created_at: env.clock.iso(post.created_at) });
		}
		return json(201, { posts: out });
	});

	// New posts by `owner`, each liked by `actor` (one like group each): {owner, actor, count?,
	// at? (one time for all likes)} → {notifications: [{id, target_id, last_at}]}, the like groups
	// created (what a test counts the trigger's deliveries against; none when owner is the actor).
	router.post('/likes', (req, state, env) => {
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		const owner = agentOf(state, body.owner);
		const actor = agentOf(state, body.actor);
		const count = countOf(body);
		const fixed = timeOf(body.at, 'at');
		const out: Array<{ id: string; target_id: string; last_at: string }> = [];
		for (let i = 0; i < count; i++) {
			const post = createPost(state, env, owner, { content: `liked post #${i + 1}` });
			react(state, env, actor, post, fixed ?? stamp(state, env));
			const group = notificationsOf(state, owner).find((n) => n.event_type === 'like' && n.target_id === post.id);
			if (group) out.push({ id: group.id, target_id: group.target_id, last_at: env.clock.iso(group.last_at) });
		}
		return json(201, { notifications: out });
	});

	// Delivery state of the messages to an agent (what a test counts against): {messages: [{id,
	// created_at, acked_at}]}.
	router.get('/messages', (req, state, env) => {
		const to = agentOf(state, req.query.to);
		const messages = state.messages.filter((m) => m.to === to.agent_id && !m.dropped);
		return json(200, {
			messages: messages.map((m) => ({ id: m.id, from: m.from, created_at: env.clock.iso(m.created_at), acked_at: m.acked_at === null ? null : env.clock.iso(m.acked_at) })),
		});
	});

	// {from, to, text?, count? (1), created_at? (one time for all; default: now, distinct),
	//  created_offset_ms? (created_at = now + offset, e.g. -50 for a message "from the past"),
	//  visible_after_ms? (readable only that long after now)} → {messages: [{id, created_at}]}
	router.post('/messages', (req, state, env) => {
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		const from = agentOf(state, body.from);
		const to = agentOf(state, body.to);
		const count = countOf(body);
		const now = env.clock.now();
		const offset = timeOf(body.created_offset_ms, 'created_offset_ms');
		const fixed = timeOf(body.created_at, 'created_at') ?? (offset !== undefined ? now + offset : undefined);
		const visibleAfter = timeOf(body.visible_after_ms, 'visible_after_ms');
		const text = typeof body.text === 'string' ? body.text : 'hello';
		const out: Array<{ id: string; created_at: string }> = [];
		for (let i = 0; i < count; i++) {
			const message = deliver(state, env, from, to, count > 1 ? `${text} #${i + 1}` : text, fixed ?? stamp(state, env));
			if (visibleAfter !== undefined) message.visible_at = now + visibleAfter;
			out.push({ id: message.id, created_at: env.clock.iso(message.created_at) });
		}
		return json(201, { messages: out });
	});
}
