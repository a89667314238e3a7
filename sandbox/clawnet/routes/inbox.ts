/**
 * April 2026's /send and inbox: /send starts an A2A task; the inbox holds email with a status
 * (new → read → archived, or snoozed until a time); /inbox/check counts emails, incoming tasks,
 * updates of sent tasks and what to notify about; ack is deprecated (it archives).
 */
import type { AuthedCall, ClawNetApi } from '../api';
import { ok } from '../api';
import { limitAgent } from '../auth';
import { invalid, notFound } from '../errors';
import { check } from '../model/attention';
import { deliverDueReminders } from '../model/calendar';
import { inboxMailView, inboxOf, mailOf, needsAttention, setStatus } from '../model/mail';
import { receivedDm, receivedDms } from '../model/messages';
import { createTask, taskView } from '../model/tasks';
import { bodyOf, choiceParam, isoTime, limitParam, timeParam } from '../params';
import type { Mail, MailStatus, Message } from '../state';
import { stamp } from '../state';
import { inboxView } from '../views';
import { sendInput } from './messages';

/** Settable statuses; `handled` and `waiting` are the old names of archived and read. */
const SETTABLE: Record<string, MailStatus> = { archived: 'archived', read: 'read', snoozed: 'snoozed', handled: 'archived', waiting: 'read' };
export const BULK_MAX = 200;

function statusInput(call: AuthedCall, body: Record<string, unknown>): { status: MailStatus; until: number | null } {
	const raw = body.status;
	if (raw === 'new') throw invalid('status new cannot be set: a message is new until it is read, archived or snoozed');
	if (typeof raw !== 'string' || !(raw in SETTABLE)) throw invalid(`status must be one of: archived, read, snoozed (or the old names handled, waiting)`);
	const status = SETTABLE[raw];
	if (status !== 'snoozed') {
		if (body.snoozed_until !== undefined && body.snoozed_until !== null) throw invalid('snoozed_until goes only with status snoozed');
		return { status, until: null };
	}
	if (body.snoozed_until === undefined || body.snoozed_until === null || body.snoozed_until === '') throw invalid('snoozed_until is required with status snoozed: an ISO 8601 time');
	const until = isoTime(body.snoozed_until, 'snoozed_until');
	if (until <= call.env.clock.now()) throw invalid('snoozed_until must be in the future');
	return { status, until };
}

/** A DM as the April inbox lists it (`type: dm`): new until acknowledged, then archived. */
function dmView(call: AuthedCall, m: Message): Record<string, unknown> {
	return { ...inboxView(call.env, m), type: 'dm', status: m.acked_at === null ? 'new' : 'archived', snoozed_until: null };
}

export function inboxRoutes(api: ClawNetApi): void {
	const a2a = api.only('a2a');

	// {to, message} as before; the answer names the task it started.
	a2a.authed('POST', '/send', (call) => {
		const { state, env, agent } = call;
		const { recipient, text } = sendInput(call);
		const task = createTask(state, env, agent, recipient, [{ kind: 'text', text }]);
		return ok({ id: task.id, task_id: task.id, state: task.state, task: taskView(state, env, task, agent) });
	});

	a2a.authed('GET', '/inbox/check', ({ state, env, agent }) => {
		limitAgent(env, 'inbox_check', agent);
		return ok(check(state, env, agent));
	});

	// Oldest first. Default: new messages and snoozes that ran out; `status=all` everything.
	a2a.authed('GET', '/inbox', (call) => {
		const { req, state, env, agent } = call;
		limitAgent(env, 'inbox', agent);
		const max = limitParam(req, 50, 200);
		const type = choiceParam(req, 'type', ['all', 'email', 'dm'] as const);
		const status = req.query.status === undefined || req.query.status === '' ? 'default' : choiceParam(req, 'status', ['all', 'new', 'read', 'archived', 'snoozed'] as const);
		const since = timeParam(req, 'since');
		const now = env.clock.now();
		deliverDueReminders(state, env, now);
		const wanted = (s: MailStatus, attention: boolean) => (status === 'default' ? attention : status === 'all' || status === s);
		const items: Array<{ at: number; id: string; view: () => Record<string, unknown> }> = [];
		if (type !== 'dm') {
			for (const m of inboxOf(state, agent)) if (wanted(m.status, needsAttention(m, now))) items.push({ at: m.created_at, id: m.id, view: () => inboxMailView(state, env, m) });
		}
		if (type !== 'email') {
			for (const m of receivedDms(state, agent, now)) {
				if (wanted(m.acked_at === null ? 'new' : 'archived', m.acked_at === null)) items.push({ at: m.created_at, id: m.id, view: () => dmView(call, m) });
			}
		}
		const page = items.filter((i) => since === undefined || i.at > since).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
		return ok({ messages: page.slice(0, max).map((i) => i.view()), remaining: Math.max(0, page.length - max) });
	});

	// Registered before /messages/:id/status, which has the same shape.
	a2a.authed('PATCH', '/messages/bulk/status', (call) => {
		const body = bodyOf(call.req);
		const ids = body.message_ids;
		if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw invalid('message_ids is required: a non-empty array of message ids');
		if (ids.length > BULK_MAX) throw invalid(`message_ids must have at most ${BULK_MAX} ids (got ${ids.length})`);
		const { status, until } = statusInput(call, body);
		const at = stamp(call.state, call.env);
		const updated: string[] = [];
		const missing: string[] = [];
		for (const id of ids as string[]) {
			const mail = mailOf(call.state, call.agent, id);
			if (!mail || mail.direction !== 'in') {
				missing.push(id);
				continue;
			}
			setStatus(mail, status, until, at);
			updated.push(id);
		}
		return ok({ status, snoozed_until: until === null ? null : call.env.clock.iso(until), updated: updated.length, message_ids: updated, not_found: missing });
	});

	a2a.authed('PATCH', '/messages/:id/status', (call) => {
		const mail = receivedMail(call);
		const { status, until } = statusInput(call, bodyOf(call.req));
		setStatus(mail, status, until, stamp(call.state, call.env));
		return ok({ id: mail.id, status: mail.status, snoozed_until: mail.snoozed_until === null ? null : call.env.clock.iso(mail.snoozed_until) });
	});

	// Deprecated: archives an email (what "handled" meant); a DM is acknowledged as before.
	a2a.authed('POST', '/inbox/:id/ack', (call) => {
		const { req, state, env, agent } = call;
		const dm = receivedDm(state, agent, req.params.id);
		const deprecated = 'ack is deprecated: use PATCH /messages/:id/status {"status": "archived"}';
		if (dm) {
			if (dm.acked_at === null) dm.acked_at = stamp(state, env);
			return ok({ id: dm.id, status: 'archived', acknowledged_at: env.clock.iso(dm.acked_at), deprecated });
		}
		const mail = receivedMail(call);
		if (mail.status !== 'archived') setStatus(mail, 'archived', null, stamp(state, env));
		return ok({ id: mail.id, status: mail.status, acknowledged_at: env.clock.iso(mail.updated_at), deprecated });
	});

	// Kept as a no-op since 2026-04-02: GET /inbox/check marks what it reports.
	a2a.authed('POST', '/inbox/mark-notified', ({ req }) => {
		const body = bodyOf(req);
		for (const field of ['message_ids', 'task_ids']) {
			if (body[field] !== undefined && (!Array.isArray(body[field]) || (body[field] as unknown[]).some((v) => typeof v !== 'string'))) throw invalid(`${field} must be an array of ids`);
		}
		const given = ((body.message_ids as string[] | undefined)?.length ?? 0) + ((body.task_ids as string[] | undefined)?.length ?? 0);
		return ok({ marked_messages: 0, marked_tasks: 0, ...(given > 200 ? { _warning: 'More than 200 ids: the rest were ignored' } : {}), note: 'No-op: GET /inbox/check marks notified items itself.' });
	});
}

/** A message received in the caller's mailbox; 404 otherwise (someone else's, or one you sent). */
function receivedMail(call: AuthedCall): Mail {
	const mail = mailOf(call.state, call.agent, call.req.params.id);
	if (!mail || mail.direction !== 'in') throw notFound(`Message ${call.req.params.id} not found`);
	return mail;
}
