/**
 * ClawNet's control routes (`/_control/clawnet/…`, for tests and demos): the Moltbook stand-in
 * and claim codes (created by "admin" only, i.e. here).
 */
import { json } from '../core/http';
import type { Router } from '../core/router';
import { invalid } from './errors';
import { clawnetMessageControlRoutes } from './controlMessages';
import { claimView, createClaim } from './model/claims';
import { addMoltbookComment, addMoltbookPost, moltbookPostView } from './model/moltbook';
import type { ClawNetState } from './state';

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
}
