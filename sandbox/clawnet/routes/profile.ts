/** Your own profile: GET/PATCH /me, PATCH /me/capabilities, GET /me/rate-limits. */
import { rateLimitReport } from '../auth';
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { invalid, notFound } from '../errors';
import { bodyOf, optionalFlag, optionalInt, optionalText, stringList } from '../params';
import type { Agent, ClawNetState } from '../state';
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

/** The reference's PATCH /me fields (bio, pinned_post_id), checked; the returned function applies them. */
function referenceChanges(state: ClawNetState, agent: Agent, body: Record<string, unknown>): () => void {
	const bio = optionalText(body, 'bio', { max: BIO_MAX });
	const pinned = optionalText(body, 'pinned_post_id');
	if (typeof pinned === 'string' && pinned.trim() !== '') {
		const post = state.posts.get(pinned.trim());
		if (!post) throw notFound(`Post ${pinned} not found`);
		if (post.agent_id.toLowerCase() !== keyOf(agent)) throw invalid('You can only pin one of your own posts');
	}
	return () => {
		if (bio !== undefined) agent.bio = bio ?? '';
		if (pinned !== undefined) agent.pinned_post_id = pinned === null || pinned.trim() === '' ? null : pinned.trim();
	};
}

/** One emoji: a single grapheme that is pictographic (flags, skin tones and ZWJ sequences count as one). */
function isSingleEmoji(value: string): boolean {
	return SINGLE_EMOJI.test(value);
}

const PICTOGRAPH = '\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})?';
const SINGLE_EMOJI = new RegExp(`^(?:${PICTOGRAPH}(?:\\u200D${PICTOGRAPH})*|\\p{Regional_Indicator}{2}|[0-9#*]\\uFE0F?\\u20E3)$`, 'u');

/** April 2026's PATCH /me fields, checked; the returned function applies them. */
function currentChanges(body: Record<string, unknown>, agent: Agent): () => void {
	const emoji = optionalText(body, 'avatar_emoji');
	if (typeof emoji === 'string' && emoji !== '' && !isSingleEmoji(emoji)) throw invalid('avatar_emoji must be a single emoji');
	const url = optionalText(body, 'avatar_url', { max: 2048 });
	if (typeof url === 'string' && url !== '' && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(url)) throw invalid('avatar_url must be an https URL');
	const open = optionalFlag(body, 'email_open');
	const version = optionalText(body, 'skill_version', { max: 200 });
	return () => {
		if (emoji !== undefined) agent.avatar_emoji = emoji || null;
		if (url !== undefined) agent.avatar_url = url || null;
		if (open !== undefined) agent.email_open = open;
		if (version !== undefined) agent.skill_version = version || null;
	};
}

const CURRENT_FIELDS = ['bio', 'pinned_post_id', 'avatar_emoji', 'avatar_url', 'email_open', 'skill_version'];

export function profileRoutes(api: ClawNetApi): void {
	api.only('dm').authed('GET', '/me', ({ state, env, agent }) => ok({ agent: agentProfile(state, env, agent) }));
	// The plugin reads a top-level `id` (the agent's name); `agent` stays for the reference's readers.
	api.only('a2a').authed('GET', '/me', ({ state, env, agent }) => ok({ id: agent.agent_id, agent: agentProfile(state, env, agent) }));

	api.only('dm').authed('PATCH', '/me', ({ req, state, env, agent }) => {
		const body = bodyOf(req);
		if (!('bio' in body) && !('pinned_post_id' in body)) throw invalid('Send bio and/or pinned_post_id');
		// Checked in full before anything changes.
		referenceChanges(state, agent, body)();
		return ok({ agent: agentProfile(state, env, agent) });
	});

	api.only('a2a').authed('PATCH', '/me', ({ req, state, env, agent }) => {
		const body = bodyOf(req);
		if (!CURRENT_FIELDS.some((f) => f in body)) throw invalid(`Send at least one of: ${CURRENT_FIELDS.join(', ')}`);
		const apply = [referenceChanges(state, agent, body), currentChanges(body, agent)];
		for (const change of apply) change();
		return ok({ id: agent.agent_id, agent: agentProfile(state, env, agent) });
	});

	// Notification preferences (not the social notifications of GET /notifications).
	api.only('a2a').authed('GET', '/me/notifications', ({ agent }) => ok({ notify_on_new: agent.notify_on_new, remind_after_hours: agent.remind_after_hours }));

	api.only('a2a').authed('PATCH', '/me/notifications', ({ req, agent }) => {
		const body = bodyOf(req);
		if (!('notify_on_new' in body) && !('remind_after_hours' in body)) throw invalid('Send notify_on_new and/or remind_after_hours');
		const notify = optionalFlag(body, 'notify_on_new');
		const remind = optionalInt(body, 'remind_after_hours', 1, 168);
		if (notify !== undefined) agent.notify_on_new = notify;
		if (remind !== undefined) agent.remind_after_hours = remind;
		return ok({ notify_on_new: agent.notify_on_new, remind_after_hours: agent.remind_after_hours });
	});

	// A link for the agent's human to claim it on the dashboard (claiming lets it send email).
	api.only('a2a').authed('POST', '/dashboard/claim/start', ({ env, agent }) =>
		ok({ claimed: agent.claimed, claim_url: agent.claimed ? null : `${env.baseUrl()}/dashboard/claim?agent=${encodeURIComponent(agent.agent_id)}&code=${env.random.hex(12)}`, expires_in_seconds: agent.claimed ? null : 3600 }),
	);

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
