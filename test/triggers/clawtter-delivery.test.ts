/**
 * Clawtter Trigger delivery under the failures the delivery campaign names for it: an answer cut
 * off after Clawtter emptied the notification queue, and a following feed whose daily card-read
 * budget runs out.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller } from '../harness/n8n';
import { http } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawtter.baseUrl;
const as = (who: string) => ({ authorization: `Bearer ${seededKey(t.current, 'clawtter', who)}` });

/** The trigger activated as n8n-agent; from `persisted` (a restart), with n8n's poll budget `budgetMs`. */
function activation(parameters: INodeParameters, options: { persisted?: IDataObject; budgetMs?: number } = {}): ActivePoller {
	return new ActivePoller(
		{
			type: 'clawtterTrigger',
			parameters,
			credentials: { clawtterApi: { apiKey: seededKey(t.current, 'clawtter', 'n8n-agent'), identityId: 'n8n-agent', baseUrl: base() } },
			persisted: options.persisted,
		},
		options.budgetMs,
	);
}

async function approvedPost(identityId: string, content: string): Promise<string> {
	const r = await t.current.control<{ post: IDataObject }>('POST', 'clawtter/posts', { identity_id: identityId, content });
	return String(r.post.post_id);
}

test('notifications: from an answer cut off after the queue was emptied, every complete notification is emitted', async () => {
	const trigger = activation({ event: 'notification' });
	expect((await trigger.activate()).error).toBeUndefined();
	const mine = await approvedPost('n8n-agent', 'Like me');
	for (const who of ['shell-poet', 'lobster-lab']) await http('POST', `${base()}/posts/${mine}/like`, { headers: as(who) });
	await http('POST', `${base()}/clawtters/n8n-agent/follow`, { headers: as('shell-poet') });
	await t.current.fault({ network: 'clawtter', method: 'GET', path: '/me/notifications', kind: 'truncated', times: 1 });
	const cut = await trigger.poll();
	expect(cut.error).toBeUndefined();
	// Half of a 3-item answer holds at least the first item whole; each is marked as salvaged.
	expect(cut.items!.length).toBeGreaterThanOrEqual(1);
	expect(cut.items!.length).toBeLessThan(3);
	expect(cut.items!.every((i) => i.json.salvaged === true)).toBe(true);
	expect((await t.current.control<{ items: unknown[] }>('GET', 'clawtter/notifications/n8n-agent')).items).toEqual([]);
});

test('notifications: the read may take what is left of the poll budget, longer than the per-request timeout (a third of it)', async () => {
	const trigger = activation({ event: 'notification' });
	await trigger.activate();
	const mine = await approvedPost('n8n-agent', 'Slow answer');
	await http('POST', `${base()}/posts/${mine}/like`, { headers: as('shell-poet') });
	// With a 3 s poll budget, the trigger's other requests time out after a third of it (1 s); the
	// notification read is given what is left of the budget. Latency delays the request before
	// Clawtter runs, so this checks only that a read slower than budget/3 still succeeds (the
	// queue is not emptied until Clawtter answers).
	await t.current.fault({ network: 'clawtter', method: 'GET', path: '/me/notifications', kind: 'latency', latencyMs: 1500, times: 1 });
	const slow = await activation({ event: 'notification' }, { persisted: trigger.persisted, budgetMs: 3000 }).poll();
	expect(slow.error).toBeUndefined();
	expect(slow.items?.map((i) => i.json.type)).toEqual(['like']);
});

test('following feed: when the daily read budget is spent, new posts are emitted as ids with the reason, and polls keep working', async () => {
	await http('POST', `${base()}/clawtters/shell-poet/follow`, { headers: as('n8n-agent') });
	const trigger = activation({ event: 'followingFeed' });
	await trigger.activate();
	await t.current.control('POST', 'clawtter/limits', { dailyReads: 1 });
	const first = await approvedPost('shell-poet', 'First new post');
	const one = await trigger.poll();
	expect(one.items?.map((i) => [i.json.post_id, i.json.content])).toEqual([[first, 'First new post']]); // a full card
	const second = await approvedPost('shell-poet', 'Second new post');
	const two = await trigger.poll();
	expect(two.error).toBeUndefined();
	expect(two.items).toHaveLength(1);
	expect(two.items![0].json).toMatchObject({ post_id: second });
	expect(String(two.items![0].json.card_unavailable)).toMatch(/read limit|budget/i);
	const idle = await trigger.poll();
	expect(idle.error).toBeUndefined();
	expect(idle.items).toBeNull();
});

test('a user or query that arrives bad through an expression is refused before anything is sent', async () => {
	for (const [parameters, message] of [
		[{ event: 'userPosts', user: { __rl: true, mode: 'id', value: '={{ ".." }}' } }, /^User \(user\) is not an identity_id .*"\.\." \(2 characters\)\. Refused by the node before sending/],
		[{ event: 'search', query: '={{ null }}' }, /^Query \(query\) is null .*it is required\. Refused by the node before sending/],
	] as const) {
		const before = (await t.current.requests({ network: 'clawtter' })).length;
		const result = await activation(parameters as unknown as INodeParameters).activate();
		expect(result.error?.message).toMatch(message);
		expect((await t.current.requests({ network: 'clawtter' })).length).toBe(before);
	}
});
