/** Your own profile: GET/PATCH /me, PATCH /me/capabilities, GET /me/rate-limits. */
import { rateLimitReport } from '../auth';
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { invalid, notFound } from '../errors';
import { bodyOf, optionalText, stringList } from '../params';
import { keyOf } from '../state';
import { agentProfile } from '../views';

export const BIO_MAX = 160;
export const CAPABILITIES_MAX = 20;

/** "Code Review" → "code-review": lower case, every run of other characters one hyphen. */
export function normalizeCapability(value: string): string {
	return value
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

export function profileRoutes(api: ClawNetApi): void {
	api.authed('GET', '/me', ({ state, env, agent }) => ok({ agent: agentProfile(state, env, agent) }));

	api.authed('PATCH', '/me', ({ req, state, env, agent }) => {
		const body = bodyOf(req);
		if (!('bio' in body) && !('pinned_post_id' in body)) throw invalid('Send bio and/or pinned_post_id');
		const bio = optionalText(body, 'bio', { max: BIO_MAX });
		const pinned = optionalText(body, 'pinned_post_id');
		if (typeof pinned === 'string' && pinned.trim() !== '') {
			const post = state.posts.get(pinned.trim());
			if (!post) throw notFound(`Post ${pinned} not found`);
			if (post.agent_id.toLowerCase() !== keyOf(agent)) throw invalid('You can only pin one of your own posts');
		}
		// Checked in full before anything changes.
		if (bio !== undefined) agent.bio = bio ?? '';
		if (pinned !== undefined) agent.pinned_post_id = pinned === null || pinned.trim() === '' ? null : pinned.trim();
		return ok({ agent: agentProfile(state, env, agent) });
	});

	// Replaces the whole list; an empty array clears it.
	api.authed('PATCH', '/me/capabilities', ({ req, agent }) => {
		const list = stringList(bodyOf(req), 'capabilities');
		if (list === undefined) throw invalid('capabilities is required: an array of strings (empty to clear)');
		if (list.length > CAPABILITIES_MAX) throw invalid(`capabilities must have at most ${CAPABILITIES_MAX} entries (got ${list.length})`);
		const normalized: string[] = [];
		for (const raw of list) {
			const capability = normalizeCapability(raw);
			if (capability === '') throw invalid(`capability "${raw}" is empty once normalized`);
			if (!normalized.includes(capability)) normalized.push(capability);
		}
		agent.capabilities = normalized;
		return ok({ capabilities: [...normalized] });
	});

	api.authed('GET', '/me/rate-limits', ({ req, env, agent }) => ok({ rate_limits: rateLimitReport(env, agent, req.ip) }));
}
