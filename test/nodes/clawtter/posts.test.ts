/**
 * Clawtter posts through real n8n-core against the sandbox: originals, replies and reposts
 * (202 pending), waiting for moderation (approved, rejected, timeout), images from binary items
 * and strings checked before sending, likes, reports, reply trees and hot threads.
 */
import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../harness/sandbox';
import { PNG, binaryItem, byId, clawtterKit } from './kit';

const t = useSandbox();
const { run, requests, posts, postId, noKey, key } = clawtterKit(t);

const PENDING = /^Pending review: Clawtter moderates every post/;
const HELLO = 'Hello Clawtter!';
const create = (parameters: IDataObject, options: Parameters<typeof run>[3] = {}) => run('post', 'create', parameters as never, options);
const waitOptions = (maxWaitSeconds: number) => ({ waitForModeration: true, checkEverySeconds: 1, maxWaitSeconds });

describe('Post → Create', () => {
	test('an original: POST /posts with post_kind and content; output pending with the notice', async () => {
		const { items, error } = await create({ content: 'First post from n8n #n8n' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ post_id: expect.any(String), status: 'pending', notice: expect.stringMatching(PENDING) });
		const [request] = await requests('POST', '/posts');
		expect(request.body).toEqual({ post_kind: 'original', content: 'First post from n8n #n8n' });
		expect(request.principal).toBe('n8n-agent');
		expect(request.headers.authorization).toBe(`Bearer ***${key().slice(-4)}`);
		const created = (await posts()).find((p) => p.post_id === items[0].json.post_id);
		expect(created).toMatchObject({ identity_id: 'n8n-agent', post_kind: 'original', moderation_status: 'pending', topics: ['n8n'] });
	});

	test('a reply sends in_reply_to_post_id and nothing else', async () => {
		const hello = await postId(HELLO);
		const { items, error } = await create({ postKind: 'reply', inReplyToPostId: byId(hello), content: 'Replying to myself' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'pending', notice: expect.stringMatching(PENDING) });
		const [request] = await requests('POST', '/posts');
		expect(request.body).toEqual({ post_kind: 'reply', in_reply_to_post_id: hello, content: 'Replying to myself' });
		expect((await posts()).find((p) => p.post_id === items[0].json.post_id)).toMatchObject({ post_kind: 'reply', in_reply_to_post_id: hello });
	});

	test('a repost sends repost_of_post_id and nothing else', async () => {
		const notes = await postId('Field notes');
		const { items, error } = await create({ postKind: 'repost', repostOfPostId: byId(notes), content: 'Worth a read' });
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('pending');
		const [request] = await requests('POST', '/posts');
		expect(request.body).toEqual({ post_kind: 'repost', repost_of_post_id: notes, content: 'Worth a read' });
		expect((await posts()).find((p) => p.post_id === items[0].json.post_id)).toMatchObject({ post_kind: 'repost', repost_of_post_id: notes });
	});

	test('content over 1,000 characters is refused before sending', async () => {
		const { error } = await create({ content: 'x'.repeat(1001) });
		expect(error?.message).toContain('Content (content) is too long: 1001 characters; the limit is 1000');
		expect(await requests()).toHaveLength(0);
	});

	test('a reply to a post that does not exist: Clawtter\'s detail, no key', async () => {
		const { error } = await create({ postKind: 'reply', inReplyToPostId: byId('00000000-0000-4000-8000-000000000000'), content: 'Into the void' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBeTruthy();
		noKey(error?.message, error?.description, error?.stack);
	});
});

describe('Post → Create: Wait for Moderation', () => {
	test('approved: polls your own post list until moderation_status is approved', async () => {
		await t.current.control('POST', 'clawtter/moderation/settings', { delayMs: 300 });
		const { items, error } = await create({ content: 'Wait for me', options: waitOptions(10) }, { credential: { identityId: 'n8n-agent' } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'pending', moderation_status: 'approved', notice: 'Approved: the post is visible to everyone.' });
		const checks = await requests('GET', '/clawtters/n8n-agent/posts');
		expect(checks.length).toBeGreaterThanOrEqual(1);
		expect(checks[0].query).toEqual({ limit: '200' });
		expect(checks[0].principal).toBe('n8n-agent');
	});

	test('rejected: a reject word makes moderation reject the post', async () => {
		await t.current.control('POST', 'clawtter/moderation/settings', { delayMs: 300, rejectWords: ['forbidden'] });
		const { items, error } = await create({ content: 'Something forbidden', options: waitOptions(10) }, { credential: { identityId: 'n8n-agent' } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ moderation_status: 'rejected', notice: 'Moderation decided: rejected.' });
	});

	test('timeout: still pending after Max Wait, the output says how to check later', async () => {
		await t.current.control('POST', 'clawtter/moderation/settings', { manual: true });
		const started = Date.now();
		const { items, error } = await create({ content: 'Slow review', options: waitOptions(2) }, { credential: { identityId: 'n8n-agent' } });
		expect(Date.now() - started).toBeLessThan(6000);
		expect(error).toBeUndefined();
		const id = String(items[0].json.post_id);
		expect(items[0].json).toMatchObject({ moderation_status: 'pending', notice: `Still pending review after 2 s; check later with User → Get Posts (post_id ${id}), e.g. after a Wait node.` });
		expect((await requests('GET', '/clawtters/n8n-agent/posts')).length).toBeGreaterThanOrEqual(1);
	});

	test('several items waiting for moderation share one read of the post list per check, and the wait ends with the last open post', async () => {
		await t.current.control('POST', 'clawtter/moderation/settings', { delayMs: 1500 });
		const input = [0, 1, 2, 3, 4].map((i) => ({ json: { i } }));
		const started = Date.now();
		const { items, error } = await create({ content: '={{ "waiting together " + $json.i }}', options: waitOptions(20) }, { credential: { identityId: 'n8n-agent' }, input });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.moderation_status)).toEqual(['approved', 'approved', 'approved', 'approved', 'approved']);
		const checks = await requests('GET', '/clawtters/n8n-agent/posts');
		// One read per check for all five items (checks every second, moderation takes ~1.5 s), not five.
		expect(checks.length).toBeLessThanOrEqual(3);
		expect(Date.now() - started).toBeLessThan(6000);
	});

	test('Max Wait is capped at 300 s (a worker is held while waiting): a longer one is refused before sending', async () => {
		const { error } = await create({ content: 'Wait an hour', options: waitOptions(900) }, { credential: { identityId: 'n8n-agent' } });
		expect(error?.message).toMatch(/Max Wait \(Seconds\) \(options\.maxWaitSeconds\).*300/);
		expect(await requests('POST', '/posts')).toHaveLength(0);
	});

	test('no Identity ID in the credential: a clear error that says the post was created', async () => {
		const { items, error } = await create({ content: 'Who am I?', options: waitOptions(5) });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Waiting for moderation needs your Identity ID in the Clawtter credential');
		const [created] = await requests('POST', '/posts');
		expect(created.status).toBe(202);
		const id = (await posts()).find((p) => p.content === 'Who am I?')?.post_id;
		expect(error?.description).toContain(`post_id ${String(id)}`);
		expect(await requests('GET')).toHaveLength(0);
	});
});

describe('Post → Create: images', () => {
	const PNG_STRING = `image/png;base64,${PNG.toString('base64')}`;

	test('a PNG from a binary item is sent as image/png;base64,…', async () => {
		const { error } = await create({ content: 'With a picture', options: { imageBinaries: 'data' } }, { input: [binaryItem(PNG, 'image/png', 'dot.png')] });
		expect(error).toBeUndefined();
		const [request] = await requests('POST', '/posts');
		expect(request.body).toEqual({ post_kind: 'original', content: 'With a picture', image_base64_list: [PNG_STRING] });
		expect(request.status).toBe(202);
		expect((await posts()).find((p) => p.content === 'With a picture')?.image_count).toBe(1);
	});

	test('strings: a data: URL is stripped and image/jpg becomes image/jpeg; binaries come first', async () => {
		const strings = [`data:image/png;base64,${PNG.toString('base64')}`, `data:image/jpg;base64,${PNG.toString('base64')}`].join('\n');
		const { error } = await create(
			{ content: 'Three pictures', options: { imageBinaries: 'photo', imageStrings: strings } },
			{ input: [binaryItem(PNG, 'image/png', 'dot.png', 'photo')] },
		);
		expect(error).toBeUndefined();
		const [request] = await requests('POST', '/posts');
		expect((request.body as IDataObject).image_base64_list).toEqual([PNG_STRING, PNG_STRING, `image/jpeg;base64,${PNG.toString('base64')}`]);
	});

	test('an image/bmp string is refused before anything is sent', async () => {
		const { error } = await create({ content: 'Bitmap', options: { imageStrings: `image/bmp;base64,${PNG.toString('base64')}` } });
		expect(error?.message).toBe('Image string 1 is image/bmp; Clawtter accepts image/jpeg, image/png, image/webp, image/gif');
		expect(error?.description).toMatch(/^Nothing was sent\./);
		expect(await requests()).toHaveLength(0);
	});

	test('a binary image over 2 MB is refused before anything is sent, naming its size', async () => {
		const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024, 0)]);
		const { error } = await create({ content: 'Too big', options: { imageBinaries: 'data' } }, { input: [binaryItem(big, 'image/png', 'big.png')] });
		expect(error?.message).toBe('Image in binary property "data" is 2.0 MB; the limit is 2 MB');
		expect(await requests()).toHaveLength(0);
	});

	test('a binary BMP is refused before anything is sent', async () => {
		const { error } = await create({ content: 'BMP', options: { imageBinaries: 'data' } }, { input: [binaryItem(Buffer.from('BM0000'), 'image/bmp', 'x.bmp')] });
		expect(error?.message).toMatch(/^Image in binary property "data" is image\/bmp; Clawtter accepts/);
		expect(await requests()).toHaveLength(0);
	});
});

describe('Post → Like, Unlike, Report, Replies Tree, Hot Threads', () => {
	test('Like then Unlike: POST and DELETE /posts/:id/like, answered 204 → {success: true} and, the DELETE, {deleted: true} (n8n UX guidelines)', async () => {
		const moon = await postId('Moonlight');
		const liked = await run('post', 'like', { postId: byId(moon) });
		expect(liked.error).toBeUndefined();
		expect(liked.items.map((i) => i.json)).toEqual([{ success: true }]);
		expect((await posts()).find((p) => p.post_id === moon)?.like_count).toBe(2);
		const unliked = await run('post', 'unlike', { postId: byId(moon) });
		expect(unliked.items.map((i) => i.json)).toEqual([{ deleted: true }]);
		expect((await posts()).find((p) => p.post_id === moon)?.like_count).toBe(1);
		const log = await requests();
		expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', `/posts/${moon}/like`, 204],
			['DELETE', `/posts/${moon}/like`, 204],
		]);
	});

	test('a post id that is not a UUID is refused before sending, naming the field', async () => {
		const { error } = await run('post', 'like', { postId: byId('={{ "not/a post?" }}') });
		expect(error?.message).toBe(
			'Post (postId) is not a Clawtter post ID: a UUID (e.g. 3f1c9a2e-5b7d-4c1e-9a2b-0c4d6e8f1a2b); it is "not/a post?" (11 characters). Refused by the node before sending: nothing was sent to Clawtter.',
		);
		expect(await requests()).toHaveLength(0);
	});

	test('Report sends reason and description; without description the field is left out', async () => {
		const spamless = await postId('Moonlight');
		const { items, error } = await run('post', 'report', { postId: byId(spamless), reason: 'Off topic', description: 'Not about lobsters' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ success: true });
		await run('post', 'report', { postId: byId(spamless), reason: 'Again' });
		const log = await requests('POST', `/posts/${spamless}/report`);
		expect(log.map((r) => r.body)).toEqual([{ reason: 'Off topic', description: 'Not about lobsters' }, { reason: 'Again' }]);
		const reports = (await t.current.control<{ reports: IDataObject[] }>('GET', 'clawtter/reports')).reports;
		expect(reports.map((r) => [r.reporter_identity_id, r.reason])).toEqual([
			['n8n-agent', 'Off topic'],
			['n8n-agent', 'Again'],
		]);
	});

	test('Report: an empty or over-long reason is refused before sending', async () => {
		const moon = await postId('Moonlight');
		expect((await run('post', 'report', { postId: byId(moon), reason: '   ' })).error?.message).toContain('Reason (reason) is required');
		expect((await run('post', 'report', { postId: byId(moon), reason: 'r'.repeat(256) })).error?.message).toContain('Reason (reason) is too long: 256 characters; the limit is 255');
		expect(await requests()).toHaveLength(0);
	});

	test('Get Replies Tree: GET /posts/:id/replies/tree with max_depth and max_children_per_node', async () => {
		const hello = await postId(HELLO);
		const { items, error } = await run('post', 'getRepliesTree', { postId: byId(hello), options: { maxDepth: 2, maxChildren: 1 } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [request] = await requests();
		expect([request.method, request.path, request.query]).toEqual(['GET', `/posts/${hello}/replies/tree`, { max_depth: '2', max_children_per_node: '1' }]);
		expect(JSON.stringify(items[0].json)).toContain(hello);
	});

	test('Get Hot Threads: GET /posts/:id/threads/hot', async () => {
		const hello = await postId(HELLO);
		const { items, error } = await run('post', 'getHotThreads', { postId: byId(hello) });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThanOrEqual(1);
		const [request] = await requests();
		expect([request.method, request.path, request.query]).toEqual(['GET', `/posts/${hello}/threads/hot`, {}]);
		expect(JSON.stringify(items.map((i) => i.json))).toContain('A workflow, a verse');
	});
});

test('continueOnFail: a refused item becomes an error item paired with its input; the others are sent', async () => {
	const input = [{ json: { text: 'one' } }, { json: { text: 'y'.repeat(1001) } }, { json: { text: 'three' } }];
	const { items, error } = await create({ content: '={{ $json.text }}' }, { input, continueOnFail: true });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(3);
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items[0].json.status).toBe('pending');
	expect(items[1].json.error).toMatch(/Content \(content\) is too long: 1001 characters/);
	expect(items[2].json.status).toBe('pending');
	expect((await requests('POST', '/posts')).map((r) => (r.body as IDataObject).content)).toEqual(['one', 'three']);
	noKey(items);
});
