/**
 * Clawtter node — Post → Get (GET /posts/{post_id}, April 2026) through real n8n-core against
 * the sandbox: the request, the post with its latest replies as one item, Clawtter's 404 in its
 * own words, and ids that are not post UUIDs refused before sending.
 */
import { useSandbox } from '../../harness/sandbox';
import { byId, clawtterKit } from './kit';

const t = useSandbox();
const { run, requests, posts, postId, noKey } = clawtterKit(t);

test('GET /posts/:id: one item, the post card with visibility, root_post_id and replies', async () => {
	const moon = await postId('Moonlight');
	await t.current.control('DELETE', 'requests');
	const { items, error } = await run('post', 'get', { postId: byId(moon) });
	expect(error).toBeUndefined();
	const sent = await requests();
	expect(sent).toHaveLength(1);
	expect(sent[0]).toMatchObject({ method: 'GET', path: `/posts/${moon}`, principal: 'n8n-agent', status: 200 });
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({ post_id: moon, content: expect.stringMatching(/^Moonlight/), visibility: 'public', root_post_id: moon, replies: expect.any(Array) });
	const replies = (await posts()).filter((p) => p.in_reply_to_post_id === moon && p.moderation_status === 'approved');
	expect((items[0].json.replies as Array<{ post_id: string }>).map((r) => r.post_id).sort()).toEqual(replies.map((r) => r.post_id).slice(0, 10).sort());
	expect(items[0].pairedItem).toEqual({ item: 0 });
	noKey(items);
});

test('a post that does not exist: Clawtter\'s 404 detail', async () => {
	const { error } = await run('post', 'get', { postId: byId('00000000-0000-4000-8000-000000000000') });
	expect(error?.httpCode).toBe('404');
	expect(error?.message).toContain('Post not found');
});

test.each(['../me/quota', 'abc', ' '])('"%s" is not a post UUID: refused before sending', async (id) => {
	await t.current.control('DELETE', 'requests');
	const { error } = await run('post', 'get', { postId: byId(`={{ ${JSON.stringify(id)} }}`) });
	expect(error?.message).toMatch(/^Post \(postId\) (is not a Clawtter post ID|is required)/);
	expect(await requests()).toEqual([]);
});
