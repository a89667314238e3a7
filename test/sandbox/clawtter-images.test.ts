/**
 * Clawtter conformance — image strings, for post images and avatars: the exact
 * `image/<type>;base64,<payload>` form, the four types, base64 payloads, 2 MB decoded; accepted
 * images are stored and their URLs serve the bytes.
 */
import { http } from '../harness/http';
import { PNG_1PX, useClawtter } from './clawtter-fixture';

const c = useClawtter();
const MB2 = 2 * 1024 * 1024;

/** Posts one image; the response. */
const postImage = (image: unknown) => c.post('/posts', { content: 'with image', image_base64_list: [image] });

describe('accepted', () => {
	test.each(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])('%s: stored, its URL in the card, the bytes served with the type', async (type) => {
		const bytes = Buffer.from(`fake ${type} bytes \u0000\u00ff`, 'latin1');
		const r = await postImage(c.image(type, bytes));
		expect(r.status).toBe(202);
		await c.approve(r.body.post_id);
		const feed = await c.get('/feed/public?hydrate=true&limit=1');
		expect(feed.body.items[0].post_id).toBe(r.body.post_id);
		const [url] = feed.body.items[0].images as string[];
		expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/media/[0-9a-f-]{36}\\.${type === 'image/jpeg' ? 'jpg' : type.slice(6)}$`));
		const served = await fetch(url);
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe(type);
		expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
	});

	test('exactly 2 MB decoded is accepted; several images keep their order', async () => {
		expect((await postImage(c.image('image/gif', Buffer.alloc(MB2, 7)))).status).toBe(202);
		const id = await c.approved('n8n-agent', { content: 'two', image_base64_list: [c.image('image/png', Buffer.from('first')), c.image('image/webp', Buffer.from('second'))] });
		const card = (await c.get('/feed/public?hydrate=true&limit=1')).body.items[0];
		expect(card.post_id).toBe(id);
		expect(card.images).toHaveLength(2);
		expect(await (await fetch(card.images[0])).text()).toBe('first');
		expect(await (await fetch(card.images[1])).text()).toBe('second');
	});

	test('unknown media URLs are 404', async () => {
		const origin = c.base().replace('/api/v1/clawtter', '');
		expect((await http('GET', `${origin}/media/00000000-0000-4000-8000-000000000000.png`)).status).toBe(404);
		expect((await http('GET', `${origin}/media/nope`)).status).toBe(404);
	});
});

describe('refused', () => {
	const cases: Array<[string, string, number, string | RegExp]> = [
		['a data: URL', `data:image/png;base64,${PNG_1PX}`, 400, 'Invalid base64 format'],
		['image/jpg', `image/jpg;base64,${PNG_1PX}`, 400, /unsupported image type image\/jpg \(use image\/jpeg\)/],
		['image/bmp', `image/bmp;base64,${PNG_1PX}`, 400, /unsupported image type image\/bmp; allowed: image\/jpeg, image\/png, image\/webp, image\/gif/],
		['image/svg+xml', `image/svg+xml;base64,${PNG_1PX}`, 400, 'Invalid base64 format'],
		['no ;base64,', `image/png,${PNG_1PX}`, 400, 'Invalid base64 format'],
		['an empty payload', 'image/png;base64,', 400, 'Invalid base64 format'],
		['a payload that is not base64', 'image/png;base64,***not-base64***', 400, 'Invalid base64 format'],
		['a payload with bad padding', 'image/png;base64,iVBORw0', 400, 'Invalid base64 format'],
		['a line break in the payload', `image/png;base64,${PNG_1PX.slice(0, 8)}\n${PNG_1PX.slice(8)}`, 400, 'Invalid base64 format'],
		['leading whitespace', ` image/png;base64,${PNG_1PX}`, 400, 'Invalid base64 format'],
		['trailing whitespace', `image/png;base64,${PNG_1PX} `, 400, 'Invalid base64 format'],
		['one byte over 2 MB decoded', `image/png;base64,${Buffer.alloc(MB2 + 1).toString('base64')}`, 400, /image_base64_list\[0\]: image is 2097153 bytes decoded; the limit is 2 MB/],
	];

	test.each(cases)('%s → %p', async (_name, image, status, detail) => {
		const r = await postImage(image);
		expect(r.status).toBe(status);
		if (typeof detail === 'string') expect(r.body).toEqual({ detail });
		else expect(r.body.detail).toMatch(detail);
	});

	test('nothing is created or counted when one image of several is refused', async () => {
		const good = c.image('image/png', Buffer.from('ok'));
		const r = await c.post('/posts', { content: 'x', image_base64_list: [good, `data:${good}`] });
		expect(r.status).toBe(400);
		expect((await c.get('/me/quota')).body.used_quota).toBe(0);
		const { posts } = await c.control('GET', 'posts');
		expect(posts.filter((p: { content: string }) => p.content === 'x')).toEqual([]);
	});

	test('a non-string entry is 422', async () => {
		const r = await postImage(42);
		expect(r.status).toBe(422);
		expect(r.body.detail[0]).toMatchObject({ type: 'string_type', loc: ['body', 'image_base64_list', 0] });
	});

	test('the same rules for avatars (registration and PATCH /me)', async () => {
		expect((await c.call('POST', '/auth/register', undefined, { nickname: 'x', identity_id: 'jpg-avatar', avatar_base64: `image/jpg;base64,${PNG_1PX}` })).status).toBe(400);
		const big = await c.call('PATCH', '/me', 'n8n-agent', { avatar_base64: `image/webp;base64,${Buffer.alloc(MB2 + 1).toString('base64')}` });
		expect(big.status).toBe(400);
		expect(big.body.detail).toMatch(/^avatar_base64: image is 2097153 bytes decoded/);
		expect((await c.call('PATCH', '/me', 'n8n-agent', { avatar_base64: `data:image/png;base64,${PNG_1PX}` })).body).toEqual({ detail: 'Invalid base64 format' });
		const ok = await c.call('PATCH', '/me', 'n8n-agent', { avatar_base64: `image/jpeg;base64,${PNG_1PX}` });
		expect(ok.status).toBe(200);
		expect(ok.body.avatar_url).toMatch(/\.jpg$/);
	});
});
