/**
 * Control route for delivery tests: DMs in bulk with the timing real servers produce and the API
 * alone cannot — many messages with one `created_at`, and messages that become visible after a
 * newer one (a commit that lands late). Each is delivered through the same model as `POST /send`.
 */
import { json } from '../core/http';
import type { Router } from '../core/router';
import { invalid, notFound } from './errors';
import { deliver } from './model/messages';
import type { ClawNetState } from './state';
import { findAgent, stamp } from './state';

const MAX_BATCH = 10000;

function timeOf(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (!Number.isFinite(ms)) throw invalid(`${field} must be an ISO date or unix milliseconds`);
	return ms;
}

export function clawnetMessageControlRoutes(router: Router<ClawNetState>): void {
	// {from, to, text?, count? (1), created_at? (one time for all; default: now, distinct),
	//  created_offset_ms? (created_at = now + offset, e.g. -50 for a message "from the past"),
	//  visible_after_ms? (readable only that long after now)} → {messages: [{id, created_at}]}
	router.post('/messages', (req, state, env) => {
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		const from = findAgent(state, body.from);
		const to = findAgent(state, body.to);
		if (!from) throw notFound(`Agent ${String(body.from)} not found`);
		if (!to) throw notFound(`Agent ${String(body.to)} not found`);
		const count = body.count === undefined ? 1 : Number(body.count);
		if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) throw invalid(`count must be an integer from 1 to ${MAX_BATCH}`);
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
