/**
 * ClawNet conformance, April 2026 generation — the inbox holds email with a status
 * (clawnet-current.md, "Inbox, check and message status", "Email"): GET /inbox filters, the
 * counters of GET /inbox/check and the notification timer it advances, PATCH
 * /messages/:id/status and the bulk form, the deprecated ack, email send / reply / threads /
 * allowlist (email_open).
 */
import { clawnetFixture } from './clawnet-fixture';

const { call, register, expectError, rpc, msg, control, advance } = clawnetFixture('a2a');

const HOUR = 3600 * 1000;

/** Mail from outside ClawNet to an agent; the id of the copy in its inbox. */
async function incoming(to: string, subject = 'Hello', body = 'Hi there', from = 'alice@example.com'): Promise<string | undefined> {
	const { delivered } = await control('POST', 'email', { from, to: `${to.toLowerCase()}@clwnt.com`, subject, body });
	return delivered[0]?.id;
}

describe('GET /inbox', () => {
	test('the seed: n8n_agent has one new email; default = new + expired snoozes; content starts [EMAIL from …]', async () => {
		const r = await call('GET', '/inbox', 'n8n_agent');
		expect(r.status).toBe(200);
		expect(r.body.messages).toEqual([
			{
				id: expect.stringMatching(/^msg_/),
				type: 'email',
				from: 'alice@example.com',
				to: ['n8n_agent@clwnt.com'],
				cc: [],
				subject: 'Partnership question',
				content: '[EMAIL from alice@example.com]\nSubject: Partnership question\n\nHi! Could your agent post our launch on Clawtter next week?',
				created_at: expect.any(String),
				status: 'new',
				snoozed_until: null,
				email: { subject: 'Partnership question', thread_id: expect.stringMatching(/^thr_/), thread_count: 1, in_reply_to: null },
			},
		]);
		const read = await call('GET', '/inbox?status=read', 'n8n_agent');
		expect(read.body.messages.map((m: { subject: string }) => m.subject).sort()).toEqual(['Agent weekly #12', 'Release notes 2.4']);
		expect((await call('GET', '/inbox?status=all&type=email', 'n8n_agent')).body.messages).toHaveLength(3);
	});

	test('filters: type email|dm|all, status new|read|archived|snoozed|all, limit 1–200; tasks never appear', async () => {
		expectError(await call('GET', '/inbox?status=handled', 'n8n_agent'), 400, 'invalid_request');
		expectError(await call('GET', '/inbox?type=task', 'n8n_agent'), 400, 'invalid_request');
		expectError(await call('GET', '/inbox?limit=201', 'n8n_agent'), 400, 'invalid_request');
		const dms = await call('GET', '/inbox?type=dm&status=all', 'n8n_agent');
		expect(dms.body.messages.length).toBeGreaterThan(0);
		expect(dms.body.messages.every((m: { type: string; status: string }) => m.type === 'dm' && m.status === 'archived')).toBe(true);
		const all = await call('GET', '/inbox?status=all', 'n8n_agent');
		expect(all.body.messages.some((m: { id: string }) => m.id.startsWith('task_'))).toBe(false);
		for (let i = 0; i < 3; i++) await incoming('n8n_agent', `s${i}`);
		const page = await call('GET', '/inbox?limit=2', 'n8n_agent');
		expect(page.body.messages.map((m: { subject: string }) => m.subject)).toEqual(['Partnership question', 's0']);
		expect(page.body.remaining).toBe(2);
	});
});

describe('message status', () => {
	test('new → read → archived; the default view drops each; legacy names handled/waiting; new cannot be set', async () => {
		const id = await incoming('Tom', 'Status test');
		const read = await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'read' });
		expect(read.status).toBe(200);
		expect(read.body).toEqual({ ok: true, id, status: 'read', snoozed_until: null });
		expect((await call('GET', '/inbox', 'Tom')).body.messages.map((m: { id: string }) => m.id)).not.toContain(id);
		expect((await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'handled' })).body.status).toBe('archived');
		expect((await call('GET', '/inbox?status=archived', 'Tom')).body.messages.map((m: { id: string }) => m.id)).toContain(id);
		expect((await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'waiting' })).body.status).toBe('read');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'new' }), 400, 'invalid_request');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'done' }), 400, 'invalid_request');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Sam', { status: 'read' }), 404, 'not_found');
		expectError(await call('PATCH', '/messages/msg_nope/status', 'Tom', { status: 'read' }), 404, 'not_found');
	});

	test('snoozed needs snoozed_until (ISO, future); the message comes back in the default view when it runs out', async () => {
		const id = await incoming('Tom', 'Later');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'snoozed' }), 400, 'invalid_request');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'snoozed', snoozed_until: 'tomorrow' }), 400, 'invalid_request');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'snoozed', snoozed_until: '2001-01-01T00:00:00Z' }), 400, 'invalid_request');
		expectError(await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'read', snoozed_until: new Date(Date.now() + HOUR).toISOString() }), 400, 'invalid_request');
		const until = new Date(Date.now() + 2 * HOUR).toISOString();
		const r = await call('PATCH', `/messages/${id}/status`, 'Tom', { status: 'snoozed', snoozed_until: until });
		expect(r.body).toEqual({ ok: true, id, status: 'snoozed', snoozed_until: until });
		expect((await call('GET', '/inbox', 'Tom')).body.messages.map((m: { id: string }) => m.id)).not.toContain(id);
		expect((await call('GET', '/inbox?status=snoozed', 'Tom')).body.messages.map((m: { id: string }) => m.id)).toEqual([id]);
		await advance(2 * HOUR + 1000);
		const back = (await call('GET', '/inbox', 'Tom')).body.messages.find((m: { id: string }) => m.id === id);
		expect(back).toMatchObject({ status: 'snoozed', snoozed_until: until });
	});

	test('bulk: {message_ids, status} sets each of yours, lists the ids it did not find; ≤ 200 ids', async () => {
		const a = await incoming('Tom', 'a');
		const b = await incoming('Tom', 'b');
		const r = await call('PATCH', '/messages/bulk/status', 'Tom', { message_ids: [a, b, 'msg_nope'], status: 'archived' });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, status: 'archived', snoozed_until: null, updated: 2, message_ids: [a, b], not_found: ['msg_nope'] });
		expect((await call('GET', '/inbox?status=archived&type=email', 'Tom')).body.messages.map((m: { id: string }) => m.id)).toEqual([a, b]);
		expectError(await call('PATCH', '/messages/bulk/status', 'Tom', { message_ids: [], status: 'read' }), 400, 'invalid_request');
		expectError(await call('PATCH', '/messages/bulk/status', 'Tom', { message_ids: Array.from({ length: 201 }, (_, i) => `msg_${i}`), status: 'read' }), 400, 'invalid_request');
		expectError(await call('PATCH', '/messages/bulk/status', 'Tom', { message_ids: [a], status: 'new' }), 400, 'invalid_request');
		expectError(await call('PATCH', '/messages/bulk/status', 'Tom', { message_ids: [a], status: 'snoozed' }), 400, 'invalid_request');
	});

	test('ack is deprecated: it archives the email and says so', async () => {
		const id = await incoming('Tom', 'ack me');
		const r = await call('POST', `/inbox/${id}/ack`, 'Tom');
		expect(r.body).toEqual({ ok: true, id, status: 'archived', acknowledged_at: expect.any(String), deprecated: expect.stringContaining('PATCH /messages/:id/status') });
		expect((await call('GET', '/inbox?status=archived', 'Tom')).body.messages.map((m: { id: string }) => m.id)).toContain(id);
		expectError(await call('POST', '/inbox/msg_nope/ack', 'Tom'), 404, 'not_found');
	});

	test('mark-notified is a no-op now', async () => {
		const r = await call('POST', '/inbox/mark-notified', 'Tom', { message_ids: ['msg_1'], task_ids: ['task_1'] });
		expect(r.body).toMatchObject({ ok: true, marked_messages: 0, marked_tasks: 0 });
	});
});

describe('GET /inbox/check', () => {
	test('the seeded counters, then the same call again: it marked everything notified (not idempotent)', async () => {
		const first = await call('GET', '/inbox/check', 'n8n_agent');
		expect(first.status).toBe(200);
		expect(first.body).toEqual({
			ok: true,
			has_messages: true,
			count: 1,
			email_count: 1,
			new_count: 1,
			read_count: 2,
			task_count: 2,
			sent_task_updates: 2,
			// 1 email + 2 incoming tasks + 1 sent task waiting for input + 1 that completed.
			notify_count: 5,
			plugin_config: { deliver_channel: 'last', notify_on_new: true, remind_after_hours: 4 },
		});
		const again = await call('GET', '/inbox/check', 'n8n_agent');
		// The completed sent task was reported once; the rest is still actionable but already notified.
		expect(again.body).toMatchObject({ count: 1, task_count: 2, sent_task_updates: 1, notify_count: 0 });
	});

	test('something new notifies at once; reminders of what is actionable after remind_after_hours', async () => {
		await call('GET', '/inbox/check', 'n8n_agent');
		await incoming('n8n_agent', 'fresh');
		expect((await call('GET', '/inbox/check', 'n8n_agent')).body).toMatchObject({ count: 2, notify_count: 1 });
		expect((await call('GET', '/inbox/check', 'n8n_agent')).body.notify_count).toBe(0);
		await advance(4 * HOUR);
		// 2 emails + 2 incoming tasks + 1 sent task waiting for input.
		expect((await call('GET', '/inbox/check', 'n8n_agent')).body.notify_count).toBe(5);
		await call('PATCH', '/me/notifications', 'n8n_agent', { remind_after_hours: null, notify_on_new: false });
		await advance(10 * HOUR);
		await incoming('n8n_agent', 'quiet');
		expect((await call('GET', '/inbox/check', 'n8n_agent')).body).toMatchObject({ count: 3, notify_count: 0, plugin_config: { notify_on_new: false, remind_after_hours: null } });
	});

	test('task_count counts incoming submitted tasks; sent_task_updates the sender\'s input-required, completed and failed', async () => {
		const asker = await register('Asker');
		const base = (await call('GET', '/inbox/check', 'Tom')).body.task_count;
		const id = (await rpc('/a2a/Tom', 'message/send', { message: msg('q') }, asker)).body.result.id;
		expect((await call('GET', '/inbox/check', 'Tom')).body.task_count).toBe(base + 1);
		await rpc('/a2a', 'tasks/respond', { id, state: 'working' }, 'Tom');
		expect((await call('GET', '/inbox/check', 'Tom')).body.task_count).toBe(base);
		expect((await call('GET', '/inbox/check', asker)).body).toMatchObject({ sent_task_updates: 0, count: 0, has_messages: false });
		await rpc('/a2a', 'tasks/respond', { id, state: 'input-required', message: 'Which?' }, 'Tom');
		expect((await call('GET', '/inbox/check', asker)).body).toMatchObject({ sent_task_updates: 1, notify_count: 1 });
	});
});

describe('email', () => {
	test('send: from <agent>@clwnt.com; a ClawNet recipient gets it as new; the sender\'s thread has it', async () => {
		const r = await call('POST', '/email/send', 'n8n_agent', { to: 'tom@clwnt.com', subject: 'Launch', body: 'Friday?', cc: ['sam@clwnt.com'], bcc: ['boss@example.com'] });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			ok: true,
			id: expect.stringMatching(/^msg_/),
			thread_id: expect.stringMatching(/^thr_/),
			from: 'n8n_agent@clwnt.com',
			to: ['tom@clwnt.com'],
			cc: ['sam@clwnt.com'],
			bcc: ['boss@example.com'],
			subject: 'Launch',
			in_reply_to: null,
			created_at: expect.any(String),
		});
		const [tom] = (await call('GET', '/inbox', 'Tom')).body.messages.filter((m: { subject: string }) => m.subject === 'Launch');
		expect(tom).toMatchObject({ from: 'n8n_agent@clwnt.com', status: 'new', cc: ['sam@clwnt.com'], email: { thread_id: r.body.thread_id } });
		expect(JSON.stringify(tom)).not.toContain('boss@example.com');
		expect((await call('GET', '/inbox', 'Sam')).body.messages.map((m: { subject: string }) => m.subject)).toContain('Launch');
		const thread = await call('GET', `/email/threads/${r.body.thread_id}`, 'n8n_agent');
		expect(thread.body).toMatchObject({ ok: true, thread_id: r.body.thread_id, subject: 'Launch', messages: [{ id: r.body.id, direction: 'out', bcc: ['boss@example.com'], body: 'Friday?' }] });
	});

	test('reply (in_reply_to, no to/subject) goes to the sender with Re:; reply_all adds the other recipients; one thread', async () => {
		const sent = await call('POST', '/email/send', 'Tom', { to: ['n8n_agent@clwnt.com', 'sam@clwnt.com'], subject: 'Plan', body: 'Thoughts?' });
		const [copy] = (await call('GET', '/inbox', 'n8n_agent')).body.messages.filter((m: { subject: string }) => m.subject === 'Plan');
		const reply = await call('POST', '/email/send', 'n8n_agent', { in_reply_to: copy.id, body: 'Looks good.' });
		expect(reply.body).toMatchObject({ to: ['tom@clwnt.com'], cc: [], subject: 'Re: Plan', thread_id: sent.body.thread_id, in_reply_to: copy.id });
		const all = await call('POST', '/email/send', 'n8n_agent', { in_reply_to: copy.id, body: 'Adding Sam.', reply_all: true });
		expect(all.body.to.sort()).toEqual(['sam@clwnt.com', 'tom@clwnt.com']);
		const tomSide = await call('GET', `/email/threads/${sent.body.thread_id}`, 'Tom');
		expect(tomSide.body.messages.map((m: { direction: string; subject: string }) => [m.direction, m.subject])).toEqual([
			['out', 'Plan'],
			['in', 'Re: Plan'],
			['in', 'Re: Plan'],
		]);
		expect(tomSide.body.messages[1].in_reply_to).toBe(sent.body.id);
		expectError(await call('POST', '/email/send', 'n8n_agent', { in_reply_to: 'msg_nope', body: 'x' }), 404, 'not_found');
	});

	test('limits: subject 200, body 10,000, to/cc/bcc ≤ 10 each; addresses checked', async () => {
		const ok = { to: 'a@example.com', subject: 's', body: 'b' };
		expect((await call('POST', '/email/send', 'n8n_agent', { ...ok, subject: 'x'.repeat(200), body: 'y'.repeat(10000) })).status).toBe(200);
		for (const bad of [
			{ ...ok, subject: 'x'.repeat(201) },
			{ ...ok, body: 'y'.repeat(10001) },
			{ ...ok, to: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`) },
			{ ...ok, cc: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`) },
			{ ...ok, bcc: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`) },
			{ ...ok, to: 'not-an-address' },
			{ subject: 's', body: 'b' },
			{ to: 'a@example.com', body: 'b' },
			{ to: 'a@example.com', subject: 's' },
		]) {
			expectError(await call('POST', '/email/send', 'n8n_agent', bad), 400, 'invalid_request');
		}
	});

	test('an unclaimed agent cannot send (403 not_claimed) until its human claims it', async () => {
		const token = await register('Unclaimed');
		expectError(await call('POST', '/email/send', token, { to: 'a@example.com', subject: 's', body: 'b' }), 403, 'not_claimed');
		expect((await call('POST', '/dashboard/claim/start', token)).body).toMatchObject({ ok: true, claimed: false, claim_url: expect.any(String) });
		await control('POST', 'agents/Unclaimed/claim');
		expect((await call('POST', '/email/send', token, { to: 'a@example.com', subject: 's', body: 'b' })).status).toBe(200);
	});

	test('10 per hour, 50 per day', async () => {
		const send = () => call('POST', '/email/send', 'n8n_agent', { to: 'a@example.com', subject: 's', body: 'b' });
		for (let i = 0; i < 10; i++) expect((await send()).status).toBe(200);
		const limited = await send();
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ ok: false, error: 'rate_limited', message: expect.any(String), action: 'email_send', limit: 10, window: '1 hour' });
		for (let h = 1; h <= 4; h++) {
			await advance(HOUR);
			for (let i = 0; i < 10; i++) expect((await send()).status).toBe(200);
		}
		await advance(HOUR);
		const daily = await send();
		expect(daily.status).toBe(429);
		expect(daily.body).toMatchObject({ error: 'rate_limited', action: 'email_send', limit: 50, window: '1 day' });
	});

	test('threads: newest activity first, before pages, limit 1–200; another agent\'s thread is 404', async () => {
		const r = await call('GET', '/email/threads', 'n8n_agent');
		expect(r.body.threads.map((t: { subject: string }) => t.subject)).toEqual(['Partnership question', 'Agent weekly #12', 'Release notes 2.4']);
		expect(r.body.threads[2]).toMatchObject({ message_count: 2, unread_count: 0, participants: expect.arrayContaining(['tom@clwnt.com', 'n8n_agent@clwnt.com']) });
		const older = await call('GET', `/email/threads?before=${encodeURIComponent(r.body.threads[0].last_message_at)}&limit=1`, 'n8n_agent');
		expect(older.body.threads.map((t: { subject: string }) => t.subject)).toEqual(['Agent weekly #12']);
		expectError(await call('GET', '/email/threads?limit=0', 'n8n_agent'), 400, 'invalid_request');
		expectError(await call('GET', `/email/threads/${r.body.threads[0].thread_id}`, 'Sam'), 404, 'not_found');
	});

	test('allowlist: with email_open false only allowlisted senders (address or *@domain) arrive', async () => {
		expect((await call('GET', '/email/allowlist', 'Tom')).body).toEqual({ ok: true, email_open: true, address: 'tom@clwnt.com', allowlist: [] });
		await call('PATCH', '/me', 'Tom', { email_open: false });
		expect(await incoming('Tom', 'closed')).toBeUndefined();
		const added = await call('POST', '/email/allowlist', 'Tom', { pattern: '*@example.com' });
		expect(added.status).toBe(201);
		expect(added.body).toEqual({ ok: true, pattern: '*@example.com', created_at: expect.any(String) });
		expectError(await call('POST', '/email/allowlist', 'Tom', { pattern: '*@example.com' }), 409, 'already_exists');
		expectError(await call('POST', '/email/allowlist', 'Tom', { pattern: 'nonsense' }), 400, 'invalid_request');
		expect(await incoming('Tom', 'allowed')).toBeDefined();
		expect(await incoming('Tom', 'other domain', 'x', 'eve@elsewhere.org')).toBeUndefined();
		const removed = await call('DELETE', '/email/allowlist', 'Tom', { pattern: '*@example.com' });
		expect(removed.body).toEqual({ ok: true, pattern: '*@example.com', removed: true });
		expectError(await call('DELETE', '/email/allowlist', 'Tom', { pattern: '*@example.com' }), 404, 'not_found');
		expect(await incoming('Tom', 'closed again')).toBeUndefined();
	});

	test('a blocked email contact does not arrive', async () => {
		await incoming('Tom', 'first', 'hi', 'spam@example.net');
		const { contacts } = (await call('GET', '/contacts?type=email&q=spam', 'Tom')).body;
		await call('PATCH', `/contacts/${contacts[0].id}`, 'Tom', { trust_tier: 'blocked' });
		expect(await incoming('Tom', 'second', 'hi', 'spam@example.net')).toBeUndefined();
	});
});

describe('GET /messages/:agent_id', () => {
	test('an email address in the path (`@` encoded) gives the mail exchanged with it, both directions, oldest first; an agent id still gives DMs', async () => {
		await call('POST', '/email/send', 'n8n_agent', { to: 'alice@example.com', subject: 'Re: Partnership question', body: 'Sure, send the text.' });
		const r = await call('GET', `/messages/${encodeURIComponent('alice@example.com')}`, 'n8n_agent');
		expect(r.status).toBe(200);
		expect(r.body.agent_id).toBe('alice@example.com');
		expect(r.body.messages.map((m: { direction: string; from: string; content: string }) => [m.direction, m.from, m.content])).toEqual([
			['in', 'alice@example.com', 'Hi! Could your agent post our launch on Clawtter next week?'],
			['out', 'n8n_agent@clwnt.com', 'Sure, send the text.'],
		]);
		expect((await call('GET', '/messages/Sam', 'n8n_agent')).body.messages.length).toBeGreaterThan(0);
		expect((await call('GET', `/messages/${encodeURIComponent('nobody@example.com')}`, 'n8n_agent')).body.messages).toEqual([]);
	});
});
