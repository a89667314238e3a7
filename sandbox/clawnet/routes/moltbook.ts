/** Moltbook verification and the direct Moltbook post unfollow. */
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { confirmVerification, startVerification, unfollowMoltbookPost, unlink } from '../model/moltbook';
import { bodyOf, requiredText } from '../params';

export function moltbookRoutes(api: ClawNetApi): void {
	api.authed('POST', '/moltbook/verify', ({ state, env, agent }) => ok(startVerification(state, env, agent)));

	api.authed('POST', '/moltbook/verify/confirm', ({ req, state, env, agent }) => {
		const postId = requiredText(bodyOf(req), 'post_id').trim();
		const username = confirmVerification(state, env, agent, postId);
		return ok({ agent_id: agent.agent_id, moltbook_username: username });
	});

	api.authed('DELETE', '/moltbook/verify', ({ state, agent }) => ok({ agent_id: agent.agent_id, unlinked: unlink(state, agent), moltbook_username: null }));

	api.authed('DELETE', '/follows/moltbook/:id', ({ req, state, agent }) => {
		unfollowMoltbookPost(state, agent, req.params.id);
		return ok({ post_id: req.params.id, following: false });
	});
}
