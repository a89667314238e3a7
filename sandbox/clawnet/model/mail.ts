/**
 * Email (April 2026): every agent is `<agent>@clwnt.com`. A mail has a copy in the sender's
 * mailbox (`out`) and one in each ClawNet recipient's (`in`, status `new`); addresses outside
 * ClawNet only get it "sent". A recipient with `email_open: false` receives only allowlisted
 * senders; a `blocked` contact never arrives. Threads are shared by all copies.
 */
import type { SandboxEnv } from '../../core/types';
import type { Agent, ClawNetState, Mail, MailStatus } from '../state';
import { MAIL_DOMAIN, SYSTEM_AGENT, addressOf, findAgent, keyOf, newId } from '../state';
import { refuses, touchContact } from './contacts';

export const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** The ClawNet agent an address names (`tom@clwnt.com`), if any. */
export function agentOfAddress(state: ClawNetState, address: string): Agent | undefined {
	const [local, domain] = address.toLowerCase().split('@');
	return domain === MAIL_DOMAIN ? findAgent(state, local) : undefined;
}

/** Whether a pattern (`a@b.com`, `*@b.com`, `@b.com`, `b.com`) matches an address. */
function patternMatches(pattern: string, address: string): boolean {
	const p = pattern.toLowerCase();
	const a = address.toLowerCase();
	if (p.includes('@') && !p.startsWith('*@') && !p.startsWith('@')) return p === a;
	const domain = p.replace(/^\*?@/, '');
	return a.endsWith(`@${domain}`);
}

function accepts(state: ClawNetState, owner: Agent, from: string): boolean {
	const sender = agentOfAddress(state, from);
	if (refuses(state, owner, from) || (sender && refuses(state, owner, sender))) return false;
	if (owner.email_open || from === SYSTEM_AGENT) return true;
	return [...(state.allowlists.get(keyOf(owner))?.keys() ?? [])].some((p) => patternMatches(p, from));
}

export interface Outgoing {
	from: string;
	/** The sending agent (absent for mail from outside ClawNet and for ClawNet's own notices). */
	sender?: Agent;
	to: string[];
	cc: string[];
	bcc: string[];
	subject: string;
	body: string;
	thread_id?: string;
	/** Per mailbox: the message each copy answers. */
	inReplyTo?: Map<string, string>;
}

/** Sends a mail: the sender's copy (if a ClawNet agent sent it) and the copies delivered; the sender's copy first. */
export function sendMail(state: ClawNetState, env: SandboxEnv, mail: Outgoing, at: number): Mail[] {
	const threadId = mail.thread_id ?? newId(env, 'thr', 16);
	const copy = (owner: Agent, direction: Mail['direction']): Mail => {
		const item: Mail = {
			id: newId(env, 'msg', 16),
			owner: keyOf(owner),
			direction,
			thread_id: threadId,
			from: mail.from,
			to: [...mail.to],
			cc: [...mail.cc],
			// Bcc stays on the sender's copy only.
			bcc: direction === 'out' ? [...mail.bcc] : [],
			subject: mail.subject,
			body: mail.body,
			created_at: at,
			in_reply_to: mail.inReplyTo?.get(keyOf(owner)) ?? null,
			status: direction === 'out' ? 'read' : 'new',
			snoozed_until: null,
			updated_at: at,
		};
		state.mail.push(item);
		return item;
	};
	const out: Mail[] = [];
	if (mail.sender) {
		out.push(copy(mail.sender, 'out'));
		for (const address of [...mail.to, ...mail.cc, ...mail.bcc]) {
			const agent = agentOfAddress(state, address);
			touchContact(state, env, mail.sender, 'email', agent ? addressOf(agent) : address.toLowerCase(), at);
		}
	}
	const seen = new Set<string>();
	for (const address of [...mail.to, ...mail.cc, ...mail.bcc]) {
		const owner = agentOfAddress(state, address);
		if (!owner || seen.has(keyOf(owner)) || (mail.sender && keyOf(owner) === keyOf(mail.sender))) continue;
		seen.add(keyOf(owner));
		if (!accepts(state, owner, mail.from)) continue;
		out.push(copy(owner, 'in'));
		if (mail.from !== SYSTEM_AGENT) touchContact(state, env, owner, 'email', mail.from.toLowerCase(), at);
	}
	return out;
}

/** Received mail of an agent. */
export function inboxOf(state: ClawNetState, agent: Agent): Mail[] {
	const key = keyOf(agent);
	return state.mail.filter((m) => m.owner === key && m.direction === 'in');
}

/** In the default inbox view: new, or snoozed with the snooze over. */
export function needsAttention(mail: Mail, now: number): boolean {
	return mail.status === 'new' || (mail.status === 'snoozed' && mail.snoozed_until !== null && mail.snoozed_until <= now);
}

/** The mail with this id in the agent's mailbox (either direction). */
export function mailOf(state: ClawNetState, agent: Agent, id: string): Mail | undefined {
	return state.mail.find((m) => m.id === id && m.owner === keyOf(agent));
}

export function setStatus(mail: Mail, status: MailStatus, snoozedUntil: number | null, at: number): void {
	mail.status = status;
	mail.snoozed_until = status === 'snoozed' ? snoozedUntil : null;
	mail.updated_at = at;
}

/** How many messages a thread has in the agent's mailbox. */
function threadCount(state: ClawNetState, owner: string, threadId: string): number {
	return state.mail.filter((m) => m.owner === owner && m.thread_id === threadId).length;
}

/** A received mail as GET /inbox shows it: `content` starts `[EMAIL from x@y]` (ClawNet's notices: their text). */
export function inboxMailView(state: ClawNetState, env: SandboxEnv, mail: Mail): Record<string, unknown> {
	const content = mail.from === SYSTEM_AGENT ? mail.body : `[EMAIL from ${mail.from}]\nSubject: ${mail.subject}\n\n${mail.body}`;
	return {
		id: mail.id,
		type: 'email',
		from: mail.from,
		to: [...mail.to],
		cc: [...mail.cc],
		subject: mail.subject,
		content,
		created_at: env.clock.iso(mail.created_at),
		status: mail.status,
		snoozed_until: mail.snoozed_until === null ? null : env.clock.iso(mail.snoozed_until),
		email: { subject: mail.subject, thread_id: mail.thread_id, thread_count: threadCount(state, mail.owner, mail.thread_id), in_reply_to: mail.in_reply_to },
	};
}

/** A mail as GET /messages/:address shows it (the history's fields: from, to, content, created_at). */
export function mailHistoryView(env: SandboxEnv, mail: Mail): Record<string, unknown> {
	return { id: mail.id, direction: mail.direction, from: mail.from, to: [...mail.to], subject: mail.subject, content: mail.body, created_at: env.clock.iso(mail.created_at) };
}

/** A mail in a thread: both directions, the body as sent. */
export function threadMailView(env: SandboxEnv, mail: Mail): Record<string, unknown> {
	return {
		id: mail.id,
		direction: mail.direction,
		from: mail.from,
		to: [...mail.to],
		cc: [...mail.cc],
		...(mail.direction === 'out' ? { bcc: [...mail.bcc] } : {}),
		subject: mail.subject,
		body: mail.body,
		created_at: env.clock.iso(mail.created_at),
		in_reply_to: mail.in_reply_to,
		...(mail.direction === 'in' ? { status: mail.status } : {}),
	};
}
