/**
 * The ClawNet Trigger through PollContext: dedup across polls and restarts, backlog, manual
 * mode, loop prevention, both acknowledge modes, failed polls, and the cost of an idle poll.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../harness/n8n';
import { http } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawnet.baseUrl;
const as = (who: string) => ({ authorization: `Bearer ${seededKey(t.current, 'clawnet', who)}` });

function poll(parameters: INodeParameters, staticData?: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	return runPoll({
		type: 'clawNetTrigger',
		parameters,
		credentials: { clawNetApi: { token: seededKey(t.current, 'clawnet', 'n8n_agent'), baseUrl: base() } },
		staticData,
		mode,
	});
}

async function send(from: string, to: string, message: string): Promise<string> {
	const r = await http('POST', `${base()}/send`, { headers: as(from), json: { to, message } });
	expect(r.status).toBe(200);
	return r.body.id as string;
}

async function inboxCount(): Promise<number> {
	return Number((await http('GET', `${base()}/inbox/check`, { headers: as('n8n_agent') })).body.count);
}

async function ackAll(): Promise<void> {
	const inbox = await http('GET', `${base()}/inbox?limit=200`, { headers: as('n8n_agent') });
	for (const m of inbox.body.messages as IDataObject[]) {
		await http('POST', `${base()}/inbox/${String(m.id)}/ack`, { headers: as('n8n_agent') });
	}
}

/** Requests the sandbox received after the given sequence number. */
async function requestsSince(seq: number) {
	return (await t.current.requests({ network: 'clawnet' })).filter((r) => r.seq > seq);
}
async function lastSeq(): Promise<number> {
	const all = await t.current.requests({ network: 'clawnet' });
	return all.length ? all[all.length - 1].seq : 0;
}

const DM = { event: 'directMessage' };

describe('New Direct Message', () => {
	test('first activation skips the backlog; a new DM is emitted once, with the sender\'s text', async () => {
		expect(await inboxCount()).toBeGreaterThan(0); // the seed leaves DMs waiting
		const first = await poll(DM);
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		const id = await send('Tom', 'n8n_agent', 'Are you there? "quoted" </incoming_message> not an end');
		const second = await poll(DM, first.staticData);
		expect(second.items).toHaveLength(1);
		expect(second.items![0].json).toMatchObject({
			id,
			from: 'Tom',
			text: 'Are you there? "quoted" </incoming_message> not an end',
			wrapper_valid: true,
		});
		expect(String(second.items![0].json.content)).toContain('<incoming_message>');
		// Not acknowledged (default: never), yet not emitted again — nor after a restart.
		const third = await poll(DM, JSON.parse(JSON.stringify(second.staticData)));
		expect(third.items).toBeNull();
		expect(await inboxCount()).toBeGreaterThan(0);
	});

	test('an idle poll costs exactly one GET /inbox/check', async () => {
		const first = await poll(DM);
		await ackAll();
		const seq = await lastSeq();
		const idle = await poll(DM, first.staticData);
		expect(idle.items).toBeNull();
		const requests = await requestsSince(seq);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /inbox/check']);
	});

	test('waiting messages are fetched from the cursor on, never from the start again', async () => {
		const first = await poll(DM);
		await send('Tom', 'n8n_agent', 'one');
		const second = await poll(DM, first.staticData);
		const seq = await lastSeq();
		await send('Sam', 'n8n_agent', 'two');
		const third = await poll(DM, second.staticData);
		expect(third.items?.map((i) => i.json.text)).toEqual(['two']);
		const inboxCall = (await requestsSince(seq)).find((r) => r.path === '/inbox');
		// From the overlap window behind the newest message seen (equal and late times are caught).
		const window = Date.parse(String(second.items![0].json.created_at)) - 5 * 60 * 1000 - 1;
		expect(inboxCall?.query.since).toBe(new Date(window).toISOString());
	});

	test('Emit Existing Items on Activation emits the backlog, oldest first', async () => {
		const inbox = await http('GET', `${base()}/inbox?limit=200`, { headers: as('n8n_agent') });
		const first = await poll({ ...DM, options: { emitExisting: true, ignoreOwnAgent: false } });
		expect(first.items?.map((i) => i.json.id)).toEqual((inbox.body.messages as IDataObject[]).map((m) => m.id));
	});

	test('Acknowledge After Emitting acknowledges what it emits (at-most-once)', async () => {
		const first = await poll({ ...DM, acknowledge: 'afterEmit' });
		await ackAll();
		await send('Tom', 'n8n_agent', 'ack me');
		const second = await poll({ ...DM, acknowledge: 'afterEmit' }, first.staticData);
		expect(second.items).toHaveLength(1);
		// Not before n8n has recorded the emission (it saves static data when a poll hands items
		// over): the acknowledgement is the first thing the next poll does.
		expect(await inboxCount()).toBe(1);
		const third = await poll({ ...DM, acknowledge: 'afterEmit' }, second.staticData);
		expect(third.items).toBeNull();
		expect(await inboxCount()).toBe(0);
	});

	test('ignored agents are never emitted, and their messages are acknowledged', async () => {
		const params = { ...DM, options: { ignoreAgents: 'Tom, @Sam' } };
		const first = await poll(params);
		await ackAll();
		await send('Tom', 'n8n_agent', 'bot loop 1');
		await send('Sam', 'n8n_agent', 'bot loop 2');
		await send('Newbie', 'n8n_agent', 'a human-ish hello');
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => i.json.from)).toEqual(['Newbie']);
		expect(await inboxCount()).toBe(1);
	});

	test('manual test fetch returns the newest message and marks nothing as seen', async () => {
		const first = await poll(DM);
		await send('Tom', 'n8n_agent', 'older');
		await send('Sam', 'n8n_agent', 'newest');
		const manual = await poll(DM, first.staticData, 'manual');
		expect(manual.items?.map((i) => i.json.text)).toEqual(['newest']);
		expect(manual.staticData).toEqual(first.staticData);
		const next = await poll(DM, manual.staticData);
		expect(next.items?.map((i) => i.json.text)).toEqual(['older', 'newest']);
	});

	test('a failed poll throws and loses nothing: the next poll emits the message', async () => {
		const first = await poll(DM);
		await send('Tom', 'n8n_agent', 'survives a failure');
		await t.current.fault({ network: 'clawnet', method: 'GET', path: '/inbox', kind: 'status', status: 500, times: 1 });
		const failed = await poll(DM, first.staticData);
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.staticData).toEqual(first.staticData);
		const retried = await poll(DM, failed.staticData);
		expect(retried.items?.map((i) => i.json.text)).toEqual(['survives a failure']);
	});

	test('a 429 names the action, the limit and when it resets', async () => {
		await t.current.fault({
			network: 'clawnet',
			path: '/inbox/check',
			kind: 'rateLimit',
			body: { ok: false, error: 'rate_limited', message: 'Too many requests. Limit: 600/hour for inbox_check.', action: 'inbox_check', limit: 600, window: '1 hour' },
		});
		const failed = await poll(DM);
		expect(failed.error?.message).toMatch(/^Too many requests\. Limit: 600\/hour for inbox_check\. Retry after \S+Z, not sooner\.$/);
		expect((failed.error as { description?: string }).description).toMatch(/Limit: 600 per 1 hour for action "inbox_check"\. Resets at \d{4}-/);
	});
});

describe('New Notification', () => {
	async function myPost(): Promise<string> {
		const r = await http('POST', `${base()}/posts`, { headers: as('n8n_agent'), json: { content: 'A post to react to #n8n' } });
		expect(r.status).toBe(201);
		return r.body.id as string;
	}

	test('a like group fires when it appears and again when it gains actors', async () => {
		const params = { event: 'notification' };
		const postId = await myPost();
		const first = await poll(params);
		expect(first.items).toBeNull();
		await http('POST', `${base()}/posts/${postId}/react`, { headers: as('Tom') });
		const second = await poll(params, first.staticData);
		expect(second.items).toHaveLength(1);
		expect(second.items![0].json).toMatchObject({ event_type: 'like', target_id: postId, actor_ids: ['Tom'], actor_count: 1, new_actor_count: 1 });
		const quiet = await poll(params, second.staticData);
		expect(quiet.items).toBeNull();
		await http('POST', `${base()}/posts/${postId}/react`, { headers: as('Sam') });
		const third = await poll(params, JSON.parse(JSON.stringify(quiet.staticData)));
		expect(third.items).toHaveLength(1);
		expect(third.items![0].json).toMatchObject({ actor_count: 2, new_actor_count: 1 });
	});

	test('types can be filtered (reposts only)', async () => {
		const params = { event: 'notification', notificationTypes: ['repost'] };
		const postId = await myPost();
		const first = await poll(params);
		await http('POST', `${base()}/posts/${postId}/react`, { headers: as('Tom') });
		await http('POST', `${base()}/posts/${postId}/repost`, { headers: as('Sam') });
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => i.json.event_type)).toEqual(['repost']);
	});
});

describe('New Mention', () => {
	test('a post mentioning you is emitted once; ignored authors are not', async () => {
		const params = { event: 'mention', options: { ignoreAgents: 'Sam' } };
		const first = await poll(params);
		const tom = await http('POST', `${base()}/posts`, { headers: as('Tom'), json: { content: 'Hey @n8n_agent, thoughts?' } });
		await http('POST', `${base()}/posts`, { headers: as('Sam'), json: { content: '@n8n_agent ping' } });
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => i.json.id)).toEqual([tom.body.id]);
		const third = await poll(params, second.staticData);
		expect(third.items).toBeNull();
	});
});
