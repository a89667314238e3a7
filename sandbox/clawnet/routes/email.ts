/**
 * Email (April 2026): send and reply from `<agent>@clwnt.com`, threads, and the allowlist of
 * senders that reach the inbox while `email_open` is false. Sending needs a claimed agent.
 */
import { HttpError } from '../../core/httpError';
import type { AuthedCall, ClawNetApi } from '../api';
import { created, ok } from '../api';
import { limit } from '../auth';
import { alreadyExists, invalid, notFound } from '../errors';
import { ADDRESS, mailOf, sendMail, threadMailView } from '../model/mail';
import { bodyOf, limitParam, optionalText, requiredText, timeParam } from '../params';
import type { Mail } from '../state';
import { addressOf, innerMap, keyOf, stamp } from '../state';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10000;
export const RECIPIENTS_MAX = 10;
export const EMAIL_PER_HOUR = 10;
export const EMAIL_PER_DAY = 50;

/** A list of addresses (`to` may also be one string); at most 10. */
export function addresses(body: Record<string, unknown>, field: string, required = false): string[] {
	const value = body[field];
	if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
		if (required) throw invalid(`${field} is required: an address or an array of up to ${RECIPIENTS_MAX}`);
		return [];
	}
	const list = typeof value === 'string' && field === 'to' ? [value] : value;
	if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) throw invalid(`${field} must be an array of addresses`);
	if (list.length > RECIPIENTS_MAX) throw invalid(`${field} must have at most ${RECIPIENTS_MAX} addresses (got ${list.length})`);
	for (const a of list as string[]) if (!ADDRESS.test(a.trim())) throw invalid(`${field}: ${a} is not an email address`);
	return (list as string[]).map((a) => a.trim());
}

const without = (list: string[], self: string) => list.filter((a) => a.toLowerCase() !== self);

/** Reply subject: `Re: ` once. */
const reSubject = (subject: string) => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

function threadOf(call: AuthedCall, threadId: string): Mail[] {
	const mails = call.state.mail.filter((m) => m.owner === keyOf(call.agent) && m.thread_id === threadId);
	if (mails.length === 0) throw notFound(`Thread ${threadId} not found`);
	return mails.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1));
}

export function emailRoutes(api: ClawNetApi): void {
	const a2a = api.only('a2a');

	a2a.authed('POST', '/email/send', (call) => {
		const { req, state, env, agent } = call;
		const body = bodyOf(req);
		const text = requiredText(body, 'body', { max: BODY_MAX });
		const self = addressOf(agent);
		let to: string[];
		let cc = addresses(body, 'cc');
		const bcc = addresses(body, 'bcc');
		let subject: string;
		let threadId: string | undefined;
		const inReplyTo = new Map<string, string>();
		if (body.in_reply_to !== undefined && body.in_reply_to !== null) {
			if (typeof body.in_reply_to !== 'string') throw invalid('in_reply_to must be a message id');
			const parent = mailOf(state, agent, body.in_reply_to);
			if (!parent) throw notFound(`Message ${body.in_reply_to} not found`);
			const original = parent.direction === 'in' ? [parent.from] : parent.to;
			to = body.to !== undefined ? addresses(body, 'to', true) : body.reply_all === true ? without([...original, ...(parent.direction === 'in' ? parent.to : [])], self) : original;
			if (body.reply_all === true && body.cc === undefined) cc = without(parent.cc, self);
			subject = optionalText(body, 'subject', { max: SUBJECT_MAX }) ?? reSubject(parent.subject);
			threadId = parent.thread_id;
			// Each ClawNet mailbox's own copy of the parent.
			for (const m of state.mail) if (m.thread_id === parent.thread_id && m.created_at === parent.created_at) inReplyTo.set(m.owner, m.id);
		} else {
			to = addresses(body, 'to', true);
			subject = requiredText(body, 'subject', { max: SUBJECT_MAX });
			if (body.thread_id !== undefined && body.thread_id !== null) {
				if (typeof body.thread_id !== 'string') throw invalid('thread_id must be a string');
				threadId = threadOf(call, body.thread_id)[0].thread_id;
			}
		}
		if (to.length === 0) throw invalid('The message has no recipient');
		if (!agent.claimed) throw new HttpError(403, 'not_claimed', 'Sending email needs an agent claimed by its human on the dashboard (POST /dashboard/claim/start)');
		limit(env, 'email_send', keyOf(agent), EMAIL_PER_HOUR);
		limit(env, 'email_send', keyOf(agent), EMAIL_PER_DAY, 'day');
		const [sent] = sendMail(state, env, { from: self, sender: agent, to, cc, bcc, subject, body: text, thread_id: threadId, inReplyTo }, stamp(state, env));
		return ok({ id: sent.id, thread_id: sent.thread_id, from: sent.from, to: sent.to, cc: sent.cc, bcc: sent.bcc, subject: sent.subject, in_reply_to: sent.in_reply_to, created_at: env.clock.iso(sent.created_at) });
	});

	// Newest activity first; `before` pages by the last message's time.
	a2a.authed('GET', '/email/threads', (call) => {
		const { req, state, env, agent } = call;
		const max = limitParam(req, 50, 200);
		const before = timeParam(req, 'before');
		const byThread = new Map<string, Mail[]>();
		for (const m of state.mail) if (m.owner === keyOf(agent)) innerList(byThread, m.thread_id).push(m);
		const threads = [...byThread.entries()]
			.map(([id, mails]) => {
				mails.sort((a, b) => a.created_at - b.created_at);
				const last = mails[mails.length - 1];
				const participants = [...new Set(mails.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a.toLowerCase()))];
				return {
					at: last.created_at,
					view: {
						thread_id: id,
						subject: mails[0].subject,
						participants,
						message_count: mails.length,
						unread_count: mails.filter((m) => m.direction === 'in' && m.status === 'new').length,
						last_message_at: env.clock.iso(last.created_at),
						last_message_from: last.from,
						snippet: last.body.slice(0, 140),
					},
				};
			})
			.filter((t) => before === undefined || t.at < before)
			.sort((a, b) => b.at - a.at)
			.slice(0, max);
		return ok({ threads: threads.map((t) => t.view) });
	});

	a2a.authed('GET', '/email/threads/:thread_id', (call) => {
		const mails = threadOf(call, call.req.params.thread_id);
		return ok({ thread_id: call.req.params.thread_id, subject: mails[0].subject, messages: mails.map((m) => threadMailView(call.env, m)) });
	});

	a2a.authed('GET', '/email/allowlist', ({ state, env, agent }) =>
		ok({
			email_open: agent.email_open,
			address: addressOf(agent),
			allowlist: [...(state.allowlists.get(keyOf(agent)) ?? new Map<string, number>())].map(([pattern, since]) => ({ pattern, created_at: env.clock.iso(since) })),
		}),
	);

	a2a.authed('POST', '/email/allowlist', ({ req, state, env, agent }) => {
		const pattern = patternOf(bodyOf(req));
		const list = innerMap(state.allowlists, keyOf(agent));
		if (list.has(pattern)) throw alreadyExists(`${pattern} is already on the allowlist`);
		list.set(pattern, stamp(state, env));
		return created({ pattern, created_at: env.clock.iso(list.get(pattern)!) });
	});

	// The pattern travels in a JSON body, even on DELETE.
	a2a.authed('DELETE', '/email/allowlist', ({ req, state, agent }) => {
		const pattern = patternOf(bodyOf(req));
		if (!state.allowlists.get(keyOf(agent))?.delete(pattern)) throw notFound(`${pattern} is not on the allowlist`);
		return ok({ pattern, removed: true });
	});
}

/** An address (`a@b.com`) or a domain pattern (`*@b.com`), lower-cased. */
function patternOf(body: Record<string, unknown>): string {
	const pattern = requiredText(body, 'pattern', { max: 254 }).trim().toLowerCase();
	if (!ADDRESS.test(pattern.replace(/^\*@/, 'x@'))) throw invalid('pattern must be an address (a@b.com) or a domain pattern (*@b.com)');
	return pattern;
}

function innerList<V>(map: Map<string, V[]>, key: string): V[] {
	let list = map.get(key);
	if (!list) {
		list = [];
		map.set(key, list);
	}
	return list;
}

