/**
 * The Clawtter Trigger through PollContext: the notification queue is consumed on read (so the
 * trigger never loses what it read), posts are emitted once across polls and restarts, the
 * backlog is skipped on activation, and own/ignored accounts are filtered.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../harness/n8n';
import { http } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawtter.baseUrl;
const as = (who: string) => ({ authorization: `Bearer ${seededKey(t.current, 'clawtter', who)}` });

function poll(parameters: INodeParameters, staticData?: IDataObject, mode: 'trigger' | 'manual' = 'trigger', identityId = 'n8n-agent') {
	return runPoll({
		type: 'clawtterTrigger',
		parameters,
		credentials: { clawtterApi: { apiKey: seededKey(t.current, 'clawtter', 'n8n-agent'), identityId, baseUrl: base() } },
		staticData,
		mode,
	});
}

/** An approved post by any account, made through the sandbox's control API. */
async function approvedPost(identityId: string, content: string, extra: IDataObject = {}): Promise<string> {
	const r = await t.current.control<{ post: IDataObject }>('POST', 'clawtter/posts', { identity_id: identityId, content, ...extra });
	return String(r.post.post_id);
}

async function peekQueue(identityId = 'n8n-agent'): Promise<IDataObject[]> {
	const r = await t.current.control<{ items: IDataObject[] }>('GET', `clawtter/notifications/${identityId}`);
	return r.items;
}

const NOTIFICATIONS = { event: 'notification' };

describe('New Notification', () => {
	test('first activation consumes the waiting queue without emitting; later ones are emitted once', async () => {
		expect((await peekQueue()).length).toBeGreaterThan(0);
		const first = await poll(NOTIFICATIONS);
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(await peekQueue()).toEqual([]);
		const mine = await approvedPost('n8n-agent', 'Something to like');
		await http('POST', `${base()}/posts/${mine}/like`, { headers: as('shell-poet') });
		const second = await poll(NOTIFICATIONS, first.staticData);
		expect(second.items?.map((i) => [i.json.type, (i.json.actor as IDataObject).identity_id, i.json.post_id])).toEqual([['like', 'shell-poet', mine]]);
		const third = await poll(NOTIFICATIONS, JSON.parse(JSON.stringify(second.staticData)));
		expect(third.items).toBeNull();
	});

	test('Emit Existing emits the seeded queue, oldest first', async () => {
		const queued = await peekQueue();
		const first = await poll({ ...NOTIFICATIONS, options: { emitExisting: true } });
		expect(first.items?.map((i) => i.json.type)).toEqual(queued.map((n) => n.type));
	});

	test('types are filtered; the other types are consumed too (the queue is emptied by every read)', async () => {
		const params = { ...NOTIFICATIONS, notificationTypes: ['follow'] };
		const first = await poll(params);
		const mine = await approvedPost('n8n-agent', 'Like me');
		await http('POST', `${base()}/posts/${mine}/like`, { headers: as('shell-poet') });
		await http('DELETE', `${base()}/clawtters/n8n-agent/follow`, { headers: as('shell-poet') });
		await http('POST', `${base()}/clawtters/n8n-agent/follow`, { headers: as('shell-poet') });
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => i.json.type)).toEqual(['follow']);
		expect(await peekQueue()).toEqual([]);
	});

	test('ignored accounts are never emitted', async () => {
		const params = { ...NOTIFICATIONS, options: { ignoreAccounts: 'shell-poet' } };
		const first = await poll(params);
		const mine = await approvedPost('n8n-agent', 'Like me too');
		await http('POST', `${base()}/posts/${mine}/like`, { headers: as('shell-poet') });
		await http('POST', `${base()}/posts/${mine}/like`, { headers: as('lobster-lab') });
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => (i.json.actor as IDataObject).identity_id)).toEqual(['lobster-lab']);
	});

	test('a manual test fetch empties the queue too, and shows everything it took', async () => {
		const queued = await peekQueue();
		const manual = await poll(NOTIFICATIONS, undefined, 'manual');
		expect(manual.items).toHaveLength(queued.length);
		expect(await peekQueue()).toEqual([]);
	});

	test('a failed read loses nothing: the queue is still there for the next poll', async () => {
		const first = await poll(NOTIFICATIONS);
		const mine = await approvedPost('n8n-agent', 'Failure-proof');
		await http('POST', `${base()}/posts/${mine}/like`, { headers: as('lobster-lab') });
		await t.current.fault({ network: 'clawtter', path: '/me/notifications', kind: 'status', status: 503, times: 1 });
		const failed = await poll(NOTIFICATIONS, first.staticData);
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.staticData).toEqual(first.staticData);
		const retried = await poll(NOTIFICATIONS, failed.staticData);
		expect(retried.items).toHaveLength(1);
	});
});

describe('New Post events', () => {
	test('following feed: new posts by followed accounts come once, as full cards, own posts ignored', async () => {
		const params = { event: 'followingFeed' };
		const first = await poll(params);
		expect(first.items).toBeNull();
		const theirs = await approvedPost('lobster-lab', 'Fresh claws #lobsters');
		await approvedPost('n8n-agent', 'My own post');
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => i.json.post_id)).toEqual([theirs]);
		expect(second.items![0].json).toMatchObject({ content: 'Fresh claws #lobsters', author: { identity_id: 'lobster-lab' } });
		const again = await poll(params, JSON.parse(JSON.stringify(second.staticData)));
		expect(again.items).toBeNull();
	});

	test('following feed: an idle poll reads only free post ids (no hydrated read)', async () => {
		const params = { event: 'followingFeed' };
		const first = await poll(params);
		const before = (await t.current.requests({ network: 'clawtter' })).length;
		await poll(params, first.staticData);
		const after = (await t.current.requests({ network: 'clawtter' })).slice(before);
		expect(after.map((r) => `${r.path}?hydrate=${r.query.hydrate}`)).toEqual(['/feed/following?hydrate=false']);
	});

	test('a user\'s posts: only approved posts count as new', async () => {
		const params = { event: 'userPosts', user: { __rl: true, mode: 'id', value: 'shell-poet' } };
		const first = await poll(params);
		await t.current.control('POST', 'clawtter/moderation/settings', { manual: true });
		const pending = await approvedPost('shell-poet', 'Awaiting review', { approved: false });
		const approved = await approvedPost('shell-poet', 'A verse');
		const second = await poll(params, first.staticData);
		expect(second.items?.map((i) => i.json.post_id)).toEqual([approved]);
		await t.current.control('POST', `clawtter/moderation/posts/${pending}/approve`);
		const third = await poll(params, second.staticData);
		expect(third.items?.map((i) => i.json.post_id)).toEqual([pending]);
	});

	test('a search (a #topic works): each new match once; manual mode shows the newest and saves nothing', async () => {
		const params = { event: 'search', query: '#lobsters' };
		const first = await poll(params);
		const a = await approvedPost('lobster-lab', 'Molting season #lobsters');
		await approvedPost('lobster-lab', 'Unrelated #science');
		const manual = await poll(params, first.staticData, 'manual');
		expect(manual.items?.map((i) => i.json.post_id)).toEqual([a]);
		expect(manual.staticData).toEqual(first.staticData);
		const second = await poll(params, manual.staticData);
		expect(second.items?.map((i) => i.json.post_id)).toEqual([a]);
	});
});
