/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only: the test waits out a redelivery delay in real time */
/**
 * The ClawNet Trigger on ClawNet's April-2026 API (the sandbox's `a2a` generation): New Task (with
 * redelivery of unanswered turns), Task Update, New Email (both acknowledge modes), and the plain
 * error when an event meets the other API.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller } from '../harness/n8n';
import { seededKey } from '../harness/sandbox';
import { clawnetFixture } from '../sandbox/clawnet-fixture';

const { t, base, rpc, msg, control } = clawnetFixture('a2a');

beforeEach(async () => {
	await t.current.control('POST', 'clock', { windowScale: 1 / 36000 });
});

function trigger(parameters: INodeParameters): ActivePoller {
	return new ActivePoller({
		type: 'clawNetTrigger',
		parameters,
		credentials: { clawNetApi: { token: seededKey(t.current, 'clawnet', 'n8n_agent'), baseUrl: base() } },
	});
}

async function sendTask(from: string, to: string, text: string, taskId?: string): Promise<string> {
	const r = await rpc(`/a2a/${to}`, 'message/send', { message: { ...msg(text), ...(taskId ? { taskId } : {}) } }, from);
	expect(r.body.error).toBeUndefined();
	return r.body.result.id as string;
}

async function respond(who: string, id: string, state: string, text: string): Promise<void> {
	const r = await rpc('/a2a', 'tasks/respond', { id, state, message: text }, who);
	expect(r.body.error).toBeUndefined();
}

describe('New Task', () => {
	test('an incoming task is emitted once with its text; unanswered it is redelivered; answered it is not; a continued task is a new turn', async () => {
		const poller = trigger({ event: 'newTask', options: { redeliverAfterMinutes: 0.005 } });
		expect((await poller.activate()).error).toBeUndefined();
		const id = await sendTask('Tom', 'n8n_agent', 'Summarise PR #7, please');
		const first = await poller.poll();
		expect(first.items?.map((i) => [i.json.id, i.json.from, i.json.text, i.json.redelivery, i.json.delivery_attempt])).toEqual([[id, 'Tom', 'Summarise PR #7, please', false, 1]]);
		expect((await poller.poll()).items).toBeNull(); // not due yet
		await sleep(400);
		const again = await poller.poll();
		expect(again.items?.map((i) => [i.json.id, i.json.redelivery, i.json.delivery_attempt])).toEqual([[id, true, 2]]);
		await respond('n8n_agent', id, 'input-required', 'Which repository?');
		await sleep(400);
		expect((await poller.poll()).items).toBeNull(); // answered: nothing to redeliver
		await sendTask('Tom', 'n8n_agent', 'clawnet-plugin', id);
		const turn = await poller.poll();
		expect(turn.items?.map((i) => [i.json.id, i.json.text, i.json.redelivery])).toEqual([[id, 'clawnet-plugin', false]]);
		await respond('n8n_agent', id, 'completed', 'Done: looks good.');
		await sleep(400);
		expect((await poller.poll()).items).toBeNull();
	});

	test('tasks waiting before activation are not emitted; one idle poll is one request', async () => {
		await sendTask('Tom', 'n8n_agent', 'old news');
		const poller = trigger({ event: 'newTask' });
		await poller.activate();
		const before = (await t.current.requests({ network: 'clawnet' })).length;
		expect((await poller.poll()).items).toBeNull();
		expect((await t.current.requests({ network: 'clawnet' })).length - before).toBe(1);
	});
});

describe('Task Update', () => {
	test('a task you sent that needs input, completes or fails is emitted once per change, with the answer text', async () => {
		const poller = trigger({ event: 'taskUpdate' });
		await poller.activate();
		const id = await sendTask('n8n_agent', 'Tom', 'Translate this to French');
		expect((await poller.poll()).items).toBeNull(); // submitted: no update yet
		await respond('Tom', id, 'input-required', 'Formal or informal?');
		const one = await poller.poll();
		expect(one.items?.map((i) => [i.json.id, i.json.state, i.json.text])).toEqual([[id, 'input-required', 'Formal or informal?']]);
		expect((await poller.poll()).items).toBeNull();
		await sendTask('n8n_agent', 'Tom', 'Formal', id);
		await respond('Tom', id, 'completed', 'Bonjour, Madame.');
		const two = await poller.poll();
		expect(two.items?.map((i) => [i.json.state, i.json.text])).toEqual([['completed', 'Bonjour, Madame.']]);
	});
});

describe('New Email', () => {
	async function email(subject: string): Promise<void> {
		await control('POST', 'email', { from: 'alice@example.com', to: 'n8n_agent@clwnt.com', subject, body: `About ${subject}` });
	}
	const newCount = async () => Number((await rpcCheck()).email_count);
	async function rpcCheck(): Promise<IDataObject> {
		const r = await fetch(`${base()}/inbox/check`, { headers: { authorization: `Bearer ${seededKey(t.current, 'clawnet', 'n8n_agent')}` } });
		return (await r.json()) as IDataObject;
	}

	test('After Emitting: each email is emitted once and marked read at the next poll', async () => {
		const poller = trigger({ event: 'newEmail', acknowledge: 'afterEmit' });
		await poller.activate();
		const waiting = await newCount(); // the seed's backlog, left alone
		await email('Invoice 42');
		const one = await poller.poll();
		expect(one.items?.map((i) => [i.json.type, i.json.subject, i.json.from])).toEqual([['email', 'Invoice 42', 'alice@example.com']]);
		expect(await newCount()).toBe(waiting + 1); // not before n8n recorded the emission
		expect((await poller.poll()).items).toBeNull();
		expect(await newCount()).toBe(waiting);
	});

	test('Never: an email still new after Redeliver After is emitted again', async () => {
		const poller = trigger({ event: 'newEmail', options: { redeliverAfterMinutes: 0.005 } });
		await poller.activate();
		await email('Contract');
		expect((await poller.poll()).items).toHaveLength(1);
		await sleep(400);
		expect((await poller.poll()).items?.map((i) => [i.json.subject, i.json.redelivery])).toEqual([['Contract', true]]);
	});
});

test('New Direct Message on an account that speaks the April-2026 API says so plainly instead of never firing', async () => {
	const poller = trigger({ event: 'directMessage' });
	const result = await poller.activate();
	expect(result.error?.message).toMatch(/April-2026 API.*New Task/);
});
