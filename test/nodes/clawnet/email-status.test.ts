/**
 * ClawNet node — Email (send, reply, threads, allowlist) and Message → Set Status (single and
 * bulk, snooze) through real n8n-core against the sandbox in its `a2a` generation (April 2026):
 * what the sandbox received, the output items, and the limits checked before sending.
 */
import { json, paired, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet('a2a');
const HOUR = 3_600_000;

/** Mail from outside ClawNet to an agent; the id of the copy in its inbox. */
async function incoming(to: string, subject: string, from = 'alice@example.com'): Promise<string> {
	const { delivered } = await c.t.current.control<{ delivered: Array<{ id: string }> }>('POST', 'clawnet/email', { from, to: `${to.toLowerCase()}@clwnt.com`, subject, body: 'Hi there' });
	return delivered[0].id;
}
const inbox = async (who: string, query = '') => (await c.api('GET', `/inbox${query}`, who)).messages as Json[];

describe('Email → Send', () => {
	test('POST /email/send with to / cc / bcc as lists; Tom gets it; the output is ClawNet\'s answer', async () => {
		const { items, error } = await c.run({
			resource: 'email',
			operation: 'send',
			to: 'tom@clwnt.com',
			subject: 'Launch',
			body: 'Friday?',
			options: { cc: 'sam@clwnt.com, guest@example.com', bcc: 'boss@example.com' },
		});
		expect(error).toBeUndefined();
		const [request] = await c.sent();
		expect(request).toMatchObject({ method: 'POST', path: '/email/send', body: { to: 'tom@clwnt.com', subject: 'Launch', body: 'Friday?', cc: ['sam@clwnt.com', 'guest@example.com'], bcc: ['boss@example.com'] }, status: 200 });
		expect(json(items)).toEqual([expect.objectContaining({ ok: true, id: expect.stringMatching(/^msg_/), from: 'n8n_agent@clwnt.com', subject: 'Launch' })]);
		expect(paired(items)).toEqual([{ item: 0 }]);
		expect((await inbox('Tom')).map((m) => m.subject)).toContain('Launch');
	});

	test('several To addresses become a list; a thread id is passed on', async () => {
		const threads = (await c.api('GET', '/email/threads', 'n8n_agent')).threads as Json[];
		await c.run({ resource: 'email', operation: 'send', to: 'tom@clwnt.com;sam@clwnt.com', subject: 'Both', body: 'x', options: { threadId: threads[0].thread_id } });
		expect((await c.sent())[0].body).toEqual({ to: ['tom@clwnt.com', 'sam@clwnt.com'], subject: 'Both', body: 'x', thread_id: threads[0].thread_id });
	});

	test('limits before sending: subject ≤ 200, body ≤ 10,000, ≤ 10 addresses, addresses only', async () => {
		const ok = { resource: 'email', operation: 'send', to: 'a@example.com', subject: 's', body: 'b' };
		await c.refused({ ...ok, subject: 'x'.repeat(201) }, 'Subject (subject) is too long: 201 characters; the limit is 200');
		await c.refused({ ...ok, body: 'y'.repeat(10001) }, 'Body (body) is too long: 10001 characters; the limit is 10000');
		await c.refused({ ...ok, to: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`).join(',') }, 'To (to) has 11 addresses; the limit is 10');
		await c.refused({ ...ok, options: { cc: 'not-an-address' } }, /^CC \(cc\) holds "not-an-address" .* not an email address/);
		await c.refused({ ...ok, to: ' , ' }, /^To \(to\) (needs at least one address|is required)/);
	});

	test('ClawNet\'s own refusals come through in its words: an unclaimed agent (403 not_claimed) with what to do', async () => {
		const [agent] = await c.registerAgents('Mailer', 1);
		const { error } = await c.run({ resource: 'email', operation: 'send', to: 'a@example.com', subject: 's', body: 'b' }, { as: agent.token });
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toMatch(/not_claimed.*claimed by its human/);
	});
});

describe('Email → Reply', () => {
	test('in_reply_to with the body; Re: subject to the sender; Reply All adds the other recipients', async () => {
		await c.api('POST', '/email/send', 'Tom', { to: ['n8n_agent@clwnt.com', 'sam@clwnt.com'], subject: 'Plan', body: 'Thoughts?' });
		const [copy] = (await inbox('n8n_agent')).filter((m) => m.subject === 'Plan');
		const { items } = await c.run({ resource: 'email', operation: 'reply', messageId: copy.id, body: 'Looks good.' });
		expect((await c.sent())[0].body).toEqual({ in_reply_to: copy.id, body: 'Looks good.', reply_all: false });
		expect(items[0].json).toMatchObject({ to: ['tom@clwnt.com'], subject: 'Re: Plan', in_reply_to: copy.id });
		const all = await c.run({ resource: 'email', operation: 'reply', messageId: copy.id, body: 'Adding Sam.', replyAll: true });
		expect((all.items[0].json.to as string[]).sort()).toEqual(['sam@clwnt.com', 'tom@clwnt.com']);
		await c.refused({ resource: 'email', operation: 'reply', messageId: 'thr_1', body: 'x' }, /^Message ID \(messageId\) is not a ClawNet message ID/);
	});
});

describe('Email → Get Threads / Get Thread', () => {
	test('GET /email/threads: one item per thread, newest activity first; Limit and Return All (before cursor)', async () => {
		const { items } = await c.run({ resource: 'email', operation: 'getThreads', limit: 2 });
		expect((await c.sent())[0]).toMatchObject({ method: 'GET', path: '/email/threads', query: { limit: '2' } });
		expect(items.map((i) => i.json.subject)).toEqual(['Partnership question', 'Agent weekly #12']);
		const all = await c.run({ resource: 'email', operation: 'getThreads', returnAll: true });
		expect(all.items.map((i) => i.json.subject)).toEqual(['Partnership question', 'Agent weekly #12', 'Release notes 2.4']);
		expect((await c.sent())[0].query).toEqual({ limit: '200' });
	});

	test('GET /email/threads/:id: the thread with its messages; another agent\'s thread is 404', async () => {
		const threads = (await c.api('GET', '/email/threads', 'n8n_agent')).threads as Json[];
		const id = threads[2].thread_id;
		const { items } = await c.run({ resource: 'email', operation: 'getThread', threadId: id });
		expect((await c.sent())[0].path).toBe(`/email/threads/${id}`);
		expect(items[0].json).toMatchObject({ thread_id: id, subject: 'Release notes 2.4', messages: [expect.objectContaining({ direction: 'in' }), expect.objectContaining({ direction: 'out' })] });
		const other = await c.run({ resource: 'email', operation: 'getThread', threadId: id }, { as: 'Sam' });
		expect(other.error?.httpCode).toBe('404');
		await c.refused({ resource: 'email', operation: 'getThread', threadId: '..' }, /^Thread ID \(threadId\) is not a ClawNet email thread ID/);
	});
});

describe('Email allowlist', () => {
	test('get, add (address or *@domain), remove with a JSON body; a bad pattern is refused before sending', async () => {
		const got = await c.run({ resource: 'email', operation: 'getAllowlist' });
		expect(got.items[0].json).toEqual({ ok: true, email_open: true, address: 'n8n_agent@clwnt.com', allowlist: [] });
		const added = await c.run({ resource: 'email', operation: 'addToAllowlist', pattern: ' *@example.com ' });
		expect((await c.sent())[0]).toMatchObject({ method: 'POST', path: '/email/allowlist', body: { pattern: '*@example.com' }, status: 201 });
		expect(added.items[0].json).toMatchObject({ pattern: '*@example.com' });
		const removed = await c.run({ resource: 'email', operation: 'removeFromAllowlist', pattern: '*@example.com' });
		expect((await c.sent())[0]).toMatchObject({ method: 'DELETE', path: '/email/allowlist', body: { pattern: '*@example.com' } });
		expect(removed.items[0].json).toEqual({ ok: true, pattern: '*@example.com', removed: true });
		await c.refused({ resource: 'email', operation: 'addToAllowlist', pattern: 'nonsense' }, /^Pattern \(pattern\) must be an email address or \*@domain/);
	});
});

describe('Message → Set Status', () => {
	test('PATCH /messages/:id/status read, then archived; the default inbox view drops it', async () => {
		const id = await incoming('n8n_agent', 'Status test');
		const { items, error } = await c.run({ resource: 'message', operation: 'setStatus', messageId: id, status: 'read' });
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', path: `/messages/${id}/status`, body: { status: 'read' } });
		expect(items[0].json).toEqual({ ok: true, id, status: 'read', snoozed_until: null });
		await c.run({ resource: 'message', operation: 'setStatus', messageId: id, status: 'archived' });
		expect((await inbox('n8n_agent', '?status=archived')).map((m) => m.id)).toContain(id);
	});

	test('snoozed with a time: sent as ISO; back in the inbox when it runs out; a past time is refused before sending', async () => {
		const id = await incoming('n8n_agent', 'Later');
		const until = new Date(Date.now() + 2 * HOUR);
		const { items } = await c.run({ resource: 'message', operation: 'setStatus', messageId: id, status: 'snoozed', snoozedUntil: until.toISOString() });
		expect((await c.sent())[0].body).toEqual({ status: 'snoozed', snoozed_until: until.toISOString() });
		expect(items[0].json).toMatchObject({ status: 'snoozed', snoozed_until: until.toISOString() });
		expect((await inbox('n8n_agent')).map((m) => m.id)).not.toContain(id);
		await c.advance(2 * HOUR + 1000);
		expect((await inbox('n8n_agent')).map((m) => m.id)).toContain(id);
		await c.refused({ resource: 'message', operation: 'setStatus', messageId: id, status: 'snoozed', snoozedUntil: '2001-01-01T00:00:00Z' }, /^Snooze Until \(snoozedUntil\) must be a time in the future/);
	});

	test('bulk: PATCH /messages/bulk/status with the ids as a list; not_found ids come back; ≤ 200 ids of the message shape', async () => {
		const a = await incoming('n8n_agent', 'a');
		const b = await incoming('n8n_agent', 'b');
		const { items } = await c.run({ resource: 'message', operation: 'setStatusBulk', messageIds: `${a}, ${b}, msg_nope`, status: 'archived' });
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', path: '/messages/bulk/status', body: { message_ids: [a, b, 'msg_nope'], status: 'archived' } });
		expect(items[0].json).toMatchObject({ updated: 2, not_found: ['msg_nope'] });
		const list = await c.run({ resource: 'message', operation: 'setStatusBulk', messageIds: `={{ ${JSON.stringify([a])}.join(',') }}`, status: 'read' });
		expect(list.items[0].json).toMatchObject({ updated: 1 });
		await c.refused({ resource: 'message', operation: 'setStatusBulk', messageIds: Array.from({ length: 201 }, (_, i) => `msg_${i}`).join(','), status: 'read' }, 'Message IDs (messageIds) has 201 IDs; the limit is 200');
		await c.refused({ resource: 'message', operation: 'setStatusBulk', messageIds: `${a}, ../me`, status: 'read' }, /^Message IDs \(messageIds\) holds "..\/me"/);
	});
});

describe('Message → Get Many on the new API', () => {
	test('the default view: new email, its body as text; the Status and Type options go to the query', async () => {
		const { items, error } = await c.run({ resource: 'message', operation: 'getMany', limit: 50 });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.type, i.json.subject, i.json.text])).toEqual([['email', 'Partnership question', 'Hi! Could your agent post our launch on Clawtter next week?']]);
		const read = await c.run({ resource: 'message', operation: 'getMany', limit: 50, options: { status: 'read', type: 'email' } });
		expect((await c.sent())[0].query).toMatchObject({ status: 'read', type: 'email', limit: '50' });
		expect(read.items.map((i) => i.json.subject).sort()).toEqual(['Agent weekly #12', 'Release notes 2.4']);
	});
});
