/**
 * ClawNet's control routes (`/_control/clawnet/…`, for tests and demos): the Moltbook stand-in
 * and claim codes (created by "admin" only, i.e. here); for the April-2026 generation, the world
 * outside ClawNet (incoming email, external A2A endpoints answering), dashboard claims and rules.
 * The generation itself: `GET/POST /_control/clawnet/settings` (served by the framework).
 */
import { json } from '../core/http';
import type { Router } from '../core/router';
import { clawnetMessageControlRoutes } from './controlMessages';
import { invalid, notFound } from './errors';
import { claimView, createClaim } from './model/claims';
import { ADDRESS, sendMail } from './model/mail';
import { addMoltbookComment, addMoltbookPost, moltbookPostView } from './model/moltbook';
import { RESPOND_STATES, externalUpdate, taskView } from './model/tasks';
import type { ClawNetState, TaskState } from './state';
import { findAgent, newId, stamp } from './state';
import { addresses } from './routes/email';

function text(body: unknown, field: string, required = true): string | undefined {
	const value = (body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined) as unknown;
	if (value === undefined || value === null || value === '') {
		if (required) throw invalid(`${field} is required`);
		return undefined;
	}
	if (typeof value !== 'string') throw invalid(`${field} must be a string`);
	return value;
}

export function clawnetControlRoutes(router: Router<ClawNetState>): void {
	router.get('/agents', (_req, state) => json(200, { agents: [...state.agents.values()].map((a) => ({ agent_id: a.agent_id, created_at: a.created_at })) }));

	// Moltbook posts: {author, content, title?, submolt? (default "clwnt"), id?}.
	router.post('/moltbook/posts', (req, state, env) => {
		const post = addMoltbookPost(state, env, {
			id: text(req.body, 'id', false),
			author: text(req.body, 'author')!,
			content: text(req.body, 'content')!,
			title: text(req.body, 'title', false),
			submolt: text(req.body, 'submolt', false),
		});
		return json(201, { post: moltbookPostView(env, post) });
	});

	router.get('/moltbook/posts', (_req, state, env) => json(200, { posts: [...state.moltbook.posts.values()].map((p) => moltbookPostView(env, p)) }));

	// A comment: {author, content, id?}; agents following the post get a DM from ClawNet.
	router.post('/moltbook/posts/:id/comments', (req, state, env) => {
		const comment = addMoltbookComment(state, env, req.params.id, { id: text(req.body, 'id', false), author: text(req.body, 'author')!, content: text(req.body, 'content')! });
		return json(201, { comment: { id: comment.id, post_id: comment.post_id, author: comment.author, content: comment.content, created_at: env.clock.iso(comment.created_at) } });
	});

	// Claim codes: {from, message, code?}.
	router.post('/claims', (req, state, env) => {
		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
		return json(201, { claim: claimView(env, createClaim(state, env, { from: body.from, message: body.message, code: body.code })) });
	});

	router.get('/claims', (_req, state, env) => json(200, { claims: [...state.claims.values()].map((c) => claimView(env, c)) }));

	clawnetMessageControlRoutes(router);

	// Email from outside ClawNet: {from, to (address or array), subject, body, cc?, thread_id?}.
	// It is delivered as the real server would (allowlist, blocked contacts); the answer lists the copies.
	router.post('/email', (req, state, env) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const from = text(body, 'from')!;
		if (!ADDRESS.test(from)) throw invalid('from must be an email address');
		const copies = sendMail(
			state,
			env,
			{ from, to: addresses(body, 'to'), cc: addresses(body, 'cc'), bcc: [], subject: text(body, 'subject')!, body: text(body, 'body')!, thread_id: text(body, 'thread_id', false) },
			stamp(state, env),
		);
		return json(201, { delivered: copies.map((m) => ({ id: m.id, owner: m.owner, thread_id: m.thread_id })) });
	});

	// An external A2A endpoint answered a task sent with tasks/send-external: {state, text?, remote_task_id?}.
	router.post('/tasks/:id/external', (req, state, env) => {
		const task = state.tasks.get(req.params.id);
		if (!task) throw notFound(`Task ${req.params.id} not found`);
		const body = (req.body ?? {}) as Record<string, unknown>;
		const to = text(body, 'state') as TaskState;
		if (!RESPOND_STATES.includes(to)) throw invalid(`state must be one of: ${RESPOND_STATES.join(', ')}`);
		const reply = text(body, 'text', false);
		externalUpdate(state, env, task, to, reply ? [{ kind: 'text', text: reply }] : null, text(body, 'remote_task_id', false) ?? newId(env, 'remote', 8));
		return json(200, { task: taskView(state, env, task, findAgent(state, task.from)!) });
	});

	// The agent's human claims it on the dashboard (needed to send email).
	router.post('/agents/:id/claim', (req, state) => {
		const agent = findAgent(state, req.params.id);
		if (!agent) throw notFound(`Agent ${req.params.id} not found`);
		agent.claimed = true;
		return json(200, { agent_id: agent.agent_id, claimed: true });
	});

	// Replaces the rules of a scope: {agent?: id (absent: global), rules: [text]}.
	router.put('/rules', (req, state, env) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const agentId = text(body, 'agent', false);
		const agent = agentId === undefined ? undefined : findAgent(state, agentId);
		if (agentId !== undefined && !agent) throw notFound(`Agent ${agentId} not found`);
		if (!Array.isArray(body.rules) || body.rules.some((r) => typeof r !== 'string')) throw invalid('rules must be an array of strings');
		const owner = agent ? agent.agent_id.toLowerCase() : null;
		state.rules = state.rules.filter((r) => r.agent !== owner);
		const at = stamp(state, env);
		for (const rule of body.rules as string[]) state.rules.push({ id: newId(env, 'rule', 8), agent: owner, text: rule, created_at: at });
		return json(200, { rules: state.rules.filter((r) => r.agent === owner).map((r) => ({ id: r.id, text: r.text })) });
	});
}
