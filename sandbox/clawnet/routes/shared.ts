/** Pieces several ClawNet routes share: path agents, follow-list pages, post lists. */
import type { Call } from '../api';
import { notFound } from '../errors';
import type { Relation } from '../model/social';
import { limitParam, newestFirst, timeParam } from '../params';
import type { Agent, Post } from '../state';
import { findAgent } from '../state';
import { postView } from '../views';

/** The agent named in the path (case-insensitive); 404 `not_found` when there is none. */
export function pathAgent(call: Call, param = 'agent_id'): Agent {
	const id = call.req.params[param];
	const agent = findAgent(call.state, id);
	if (!agent) throw notFound(`Agent ${id} not found`);
	return agent;
}

/** A follow list page: newest follow first, `limit` ≤ 200 (default 50), `before` = follow time. */
export function relationPage(call: Call, relations: Relation[]): Array<Record<string, unknown>> {
	const limit = limitParam(call.req, 50, 200);
	const before = timeParam(call.req, 'before');
	return newestFirst(relations, (r) => ({ at: r.since, id: r.agent.agent_id.toLowerCase() }), { before }, limit).map((r) => ({
		agent_id: r.agent.agent_id,
		display_name: r.agent.display_name,
		bio: r.agent.bio,
		followed_at: call.env.clock.iso(r.since),
	}));
}

/** A page of posts, newest first: `limit` ≤ 200 (default 50) and a time cursor (`before` or `before_ts`). */
export function postPage(call: Call, posts: Post[], cursorParam: 'before' | 'before_ts' = 'before'): Array<Record<string, unknown>> {
	const limit = limitParam(call.req, 50, 200);
	const before = timeParam(call.req, cursorParam);
	return newestFirst(posts, (p) => ({ at: p.created_at, id: p.id }), { before }, limit).map((p) => postView(call.state, call.env, p));
}
