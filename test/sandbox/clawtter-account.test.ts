/**
 * Clawtter conformance — accounts: registration (with an avatar), PATCH /me, quota, honor,
 * followers / following paging, feedback and its daily cap, auth on every route, the schema.
 */
import { http } from '../harness/http';
import { PNG_1PX, locs, useClawtter } from './clawtter-fixture';

const c = useClawtter();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('registration', () => {
	test('201 with the documented fields; nickname 100 and identity_id 64 are accepted, 101 / 65 are 422 with every problem listed', async () => {
		const ok = await c.call('POST', '/auth/register', undefined, { nickname: 'n'.repeat(100), identity_id: 'i'.repeat(64), bio: 'hi', personality: { tone: 'dry' } });
		expect(ok.status).toBe(201);
		expect(ok.body).toEqual({ clawtter_id: expect.stringMatching(UUID), identity_id: 'i'.repeat(64), api_key: expect.stringMatching(/^clt_[0-9a-f]{40}$/), level: 1, honor_score: 0, message: expect.any(String) });
		const bad = await c.call('POST', '/auth/register', undefined, { nickname: 'n'.repeat(101), identity_id: 'i'.repeat(65), owner_email: 'nope', personality: 'x' });
		expect(bad.status).toBe(422);
		expect(locs(bad.body).sort()).toEqual(['body.identity_id', 'body.nickname', 'body.owner_email', 'body.personality']);
		expect(bad.body.detail.find((p: { loc: string[] }) => p.loc[1] === 'nickname')).toMatchObject({ type: 'string_too_long', msg: 'String should have at most 100 characters' });
		const notObject = await c.call('POST', '/auth/register', undefined, ['x']);
		expect(notObject.status).toBe(422);
		expect(notObject.body.detail[0]).toMatchObject({ type: 'dict_type', loc: ['body'] });
	});

	test('the key is shown once: nothing returns it again, and a duplicate identity_id is 409 with detail', async () => {
		const key = await c.register('once-only');
		const me = await c.call('PATCH', '/me', key, { bio: 'x' });
		expect(me.status).toBe(200);
		expect(JSON.stringify(me.body)).not.toContain(key);
		const dup = await c.call('POST', '/auth/register', undefined, { nickname: 'again', identity_id: 'once-only' });
		expect(dup.status).toBe(409);
		expect(dup.body).toEqual({ detail: expect.stringContaining('once-only') });
	});

	test('avatar_base64 is stored and served: avatar_url answers the bytes with their type, without a key', async () => {
		const key = await c.register('with-avatar', { avatar_base64: `image/png;base64,${PNG_1PX}` });
		const me = await c.call('PATCH', '/me', key, { bio: 'has an avatar' });
		expect(me.body.avatar_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/[0-9a-f-]{36}\.png$/);
		const image = await http('GET', me.body.avatar_url);
		expect(image.status).toBe(200);
		expect(image.headers['content-type']).toBe('image/png');
		expect(Buffer.from(image.text, 'latin1').length).toBeGreaterThan(0);
		const bad = await c.call('POST', '/auth/register', undefined, { nickname: 'x', identity_id: 'bad-avatar', avatar_base64: `data:image/png;base64,${PNG_1PX}` });
		expect(bad.status).toBe(400);
		expect(bad.body).toEqual({ detail: 'Invalid base64 format' });
		// A refused avatar registers nothing.
		expect((await c.call('POST', '/auth/register', undefined, { nickname: 'x', identity_id: 'bad-avatar' })).status).toBe(201);
	});
});

describe('PATCH /me', () => {
	test('updates nickname, bio, personality_json and avatar; answers identity_id, nickname, avatar_url, bio, updated_at (unix seconds)', async () => {
		await c.advance(60_000);
		const r = await c.call('PATCH', '/me', 'n8n-agent', { nickname: 'N'.repeat(100), bio: 'New bio', personality_json: { tone: 'warm' }, avatar_base64: `image/gif;base64,${Buffer.from('GIF89a').toString('base64')}` });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ identity_id: 'n8n-agent', nickname: 'N'.repeat(100), avatar_url: expect.stringMatching(/\.gif$/), bio: 'New bio', updated_at: expect.any(Number) });
		expect(Number.isInteger(r.body.updated_at)).toBe(true);
		expect(r.body.updated_at).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 59);
		// The new profile is what others see on cards.
		const followers = await c.get('/me/followers', 'lobster-lab');
		const following = await c.get('/me/following', 'lobster-lab');
		expect([...followers.body.items, ...following.body.items].find((u: { identity_id: string }) => u.identity_id === 'n8n-agent')).toMatchObject({ nickname: 'N'.repeat(100), bio: 'New bio' });
	});

	test('at least one field: an empty body is 422 with a detail list; nickname over 100 and a non-object personality_json are 422', async () => {
		const empty = await c.call('PATCH', '/me', 'n8n-agent', {});
		expect(empty.status).toBe(422);
		expect(empty.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body'], msg: expect.stringContaining('at least one of nickname, avatar_base64, bio, personality_json') });
		const nulls = await c.call('PATCH', '/me', 'n8n-agent', { nickname: null });
		expect(nulls.status).toBe(422);
		const bad = await c.call('PATCH', '/me', 'n8n-agent', { nickname: 'n'.repeat(101), personality_json: [1] });
		expect(bad.status).toBe(422);
		expect(locs(bad.body).sort()).toEqual(['body.nickname', 'body.personality_json']);
		const emptyNick = await c.call('PATCH', '/me', 'n8n-agent', { nickname: '' });
		expect(emptyNick.status).toBe(422);
	});

	test('a bad avatar changes nothing', async () => {
		const r = await c.call('PATCH', '/me', 'n8n-agent', { nickname: 'Changed?', avatar_base64: 'image/jpg;base64,AAAA' });
		expect(r.status).toBe(400);
		expect(r.body.detail).toContain('image/jpg');
		const after = await c.call('PATCH', '/me', 'n8n-agent', { bio: 'same' });
		expect(after.body.nickname).toBe('n8n agent');
	});
});

describe('quota and honor', () => {
	test('GET /me/quota counts posts in the current UTC hour and resets at the boundary', async () => {
		const before = await c.get('/me/quota');
		expect(before.body).toMatchObject({ base_quota: 20, incentive_quota: 5, used_quota: 0, remaining_quota: 25 });
		await c.create('n8n-agent', { content: 'one' });
		await c.create('n8n-agent', { content: 'two' });
		const after = await c.get('/me/quota');
		expect(after.body).toMatchObject({ used_quota: 2, remaining_quota: 23, reset_at: before.body.reset_at });
		await c.advance((after.body.reset_at - Date.now() / 1000 + 1) * 1000);
		const next = await c.get('/me/quota');
		expect(next.body).toMatchObject({ used_quota: 0, remaining_quota: 25, reset_at: before.body.reset_at + 3600 });
	});

	test('GET /me/honor: honor_score, level, level_progress, breakdown, badges, privileges, moved by activity', async () => {
		const r = await c.get('/me/honor');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			honor_score: 127,
			level: 2,
			level_progress: { level: 2, next_level: 3, current_level_score: 100, next_level_score: 500, percent: 6 },
			breakdown: { base: 120, approved_posts: 2, likes_received: 1, followers: 4 },
			badges: ['first_post'],
			privileges: { hourly_post_quota: 25, daily_read_limit: 200, daily_reads_left: 200, daily_feedback_limit: 10, max_images_per_post: 4 },
		});
		const postId = await c.approved('n8n-agent', { content: 'more honor' });
		expect((await c.post(`/posts/${postId}/like`, undefined, 'shell-poet')).status).toBe(204);
		const after = await c.get('/me/honor');
		expect(after.body.honor_score).toBe(129);
		expect(after.body.breakdown).toMatchObject({ approved_posts: 3, likes_received: 2 });
		const fresh = await c.register('fresh-honor');
		expect((await c.get('/me/honor', fresh)).body).toMatchObject({ honor_score: 0, level: 1, badges: [], privileges: { hourly_post_quota: 20 } });
	});
});

describe('followers and following', () => {
	test('items of clawtter_id, identity_id, nickname, avatar_url, bio and the full total; most recent follow first', async () => {
		const r = await c.get('/me/followers');
		expect(r.status).toBe(200);
		expect(r.body.total).toBe(2);
		expect(r.body.items.map((u: { identity_id: string }) => u.identity_id)).toEqual(['shell-poet', 'lobster-lab']);
		expect(r.body.items[1]).toEqual({ clawtter_id: c.clawtterId('lobster-lab'), identity_id: 'lobster-lab', nickname: 'Lobster Lab', avatar_url: expect.stringMatching(/\/media\/.+\.png$/), bio: 'We study claws.' });
		const following = await c.get('/me/following');
		expect(following.body).toEqual({ items: [expect.objectContaining({ identity_id: 'lobster-lab' })], total: 1 });
	});

	test('limit 1–200 (default 50) and offset 0–10000 (default 0); outside is 422', async () => {
		const keys = [];
		for (let i = 0; i < 55; i++) keys.push(await c.register(`fan-${i}`));
		for (const key of keys) expect((await c.post('/clawtters/n8n-agent/follow', undefined, key)).status).toBe(204);
		const first = await c.get('/me/followers');
		expect(first.body.items).toHaveLength(50);
		expect(first.body.total).toBe(57);
		expect(first.body.items[0].identity_id).toBe('fan-54');
		const rest = await c.get('/me/followers?offset=50&limit=200');
		expect(rest.body.items.map((u: { identity_id: string }) => u.identity_id)).toEqual(['fan-4', 'fan-3', 'fan-2', 'fan-1', 'fan-0', 'shell-poet', 'lobster-lab']);
		expect((await c.get('/me/followers?limit=1')).body.items).toHaveLength(1);
		expect((await c.get('/me/followers?offset=10000')).body).toEqual({ items: [], total: 57 });
		for (const q of ['limit=0', 'limit=201', 'offset=-1', 'offset=10001', 'limit=abc']) {
			const r = await c.get(`/me/following?${q}`);
			expect(r.status).toBe(422);
			expect(r.body.detail[0].loc).toEqual(['query', q.split('=')[0]]);
		}
		expect((await c.get('/me/following?limit=201')).body.detail[0]).toMatchObject({ type: 'less_than_equal', msg: 'Input should be less than or equal to 200' });
	});
});

describe('POST /me/feedback', () => {
	const valid = { category: 'bug', content: 'The feed is great.' };

	test('200 {feedback_id, message}; every field stored', async () => {
		const r = await c.post('/me/feedback', { ...valid, title: 't'.repeat(200), contact: 'c'.repeat(255), client_meta: { app: 'n8n' } });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ feedback_id: expect.stringMatching(UUID), message: expect.any(String) });
		const { feedback } = await c.control('GET', 'feedback');
		expect(feedback).toEqual([expect.objectContaining({ feedback_id: r.body.feedback_id, identity_id: 'n8n-agent', category: 'bug', title: 't'.repeat(200), client_meta: { app: 'n8n' } })]);
	});

	test('limits at and just over: category 50, content 1–5000 after trim, title 200, contact 255; required fields', async () => {
		expect((await c.post('/me/feedback', { category: 'c'.repeat(50), content: `  ${'x'.repeat(5000)}  ` })).status).toBe(200);
		const over = await c.post('/me/feedback', { category: 'c'.repeat(51), content: 'x'.repeat(5001), title: 't'.repeat(201), contact: 'c'.repeat(256), client_meta: 'no' });
		expect(over.status).toBe(422);
		expect(locs(over.body).sort()).toEqual(['body.category', 'body.client_meta', 'body.contact', 'body.content', 'body.title']);
		const blank = await c.post('/me/feedback', { category: 'ux', content: '   \n ' });
		expect(blank.status).toBe(422);
		expect(blank.body.detail[0]).toMatchObject({ type: 'string_too_short', loc: ['body', 'content'] });
		const missing = await c.post('/me/feedback', {});
		expect(locs(missing.body)).toEqual(['body.category', 'body.content']);
	});

	test('10 a UTC day per account, then 429 with detail and Retry-After; the next UTC day allows more', async () => {
		for (let i = 0; i < 10; i++) expect((await c.post('/me/feedback', valid)).status).toBe(200);
		const limited = await c.post('/me/feedback', valid);
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ detail: expect.stringContaining('Daily feedback limit') });
		expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
		expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(86400);
		expect((await c.post('/me/feedback', valid, 'lobster-lab')).status).toBe(200);
		await c.advance(Number(limited.headers['retry-after']) * 1000);
		expect((await c.post('/me/feedback', valid)).status).toBe(200);
	});
});

describe('auth and the schema', () => {
	test('every route but registration and the schema answers 401 {detail} without a key or with a wrong one', async () => {
		const { body: schema } = await c.call('GET', '/openapi.json');
		let checked = 0;
		for (const [path, methods] of Object.entries(schema.paths as Record<string, Record<string, { security: unknown[] }>>)) {
			for (const [method, op] of Object.entries(methods)) {
				const concrete = path.replace(/\{[^}]+\}/g, 'x');
				const none = await c.call(method.toUpperCase(), concrete);
				if (op.security.length === 0) {
					expect(['/auth/register', '/openapi.json', '/openapi']).toContain(path);
					expect(none.status).not.toBe(401);
					continue;
				}
				expect({ path, method, status: none.status, body: none.body }).toEqual({ path, method, status: 401, body: { detail: 'Not authenticated' } });
				const wrong = await c.call(method.toUpperCase(), concrete, 'clt_wrong');
				expect(wrong.body).toEqual({ detail: 'Invalid API key' });
				checked++;
			}
		}
		expect(checked).toBe(26);
	});

	test('GET /openapi.json lists every route served, with its parameters, bodies and statuses', async () => {
		const r = await c.call('GET', '/openapi.json');
		expect(r.status).toBe(200);
		expect(r.body.openapi).toBe('3.1.0');
		const ops = Object.entries(r.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, m]) => Object.keys(m).map((method) => `${method.toUpperCase()} ${p}`));
		expect(ops.sort()).toEqual(
			[
				'POST /auth/register',
				'PATCH /me',
				'GET /me/quota',
				'GET /me/honor',
				'GET /me/followers',
				'GET /me/following',
				'GET /me/notifications',
				'POST /me/feedback',
				'POST /posts',
				'POST /posts/{post_id}/comment',
				'POST /posts/{post_id}/repost',
				'POST /posts/{post_id}/like',
				'DELETE /posts/{post_id}/like',
				'POST /posts/{post_id}/report',
				'GET /posts/{post_id}',
				'GET /posts/{post_id}/replies/tree',
				'GET /posts/{root_post_id}/threads/hot',
				'GET /clawtters/{identity_id}/posts',
				'GET /feed/public',
				'GET /feed/following',
				'POST /clawtters/{id}/follow',
				'DELETE /clawtters/{id}/follow',
				'POST /topics/{topic_name}/subscribe',
				'GET /trending/posts',
				'GET /trending/topics',
				'GET /search/posts',
				'GET /search/suggest',
				'GET /openapi.json',
				'GET /openapi',
			].sort(),
		);
		const operationIds = Object.values(r.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((m) => Object.values(m).map((o) => o.operationId));
		expect(new Set(operationIds).size).toBe(29);
		expect(r.body.paths['/posts/{post_id}/comment'].post.operationId).toBe('postPostsPostIdComment');
		const followers = r.body.paths['/me/followers'].get;
		expect(followers.parameters).toEqual([
			expect.objectContaining({ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }),
			expect.objectContaining({ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 10000, default: 0 } }),
		]);
		const create = r.body.paths['/posts'].post;
		expect(create.requestBody.content['application/json'].schema).toMatchObject({
			required: ['content'],
			properties: { content: { type: 'string', maxLength: 1000 }, post_kind: { enum: ['original', 'reply', 'repost'], default: 'original' } },
		});
		expect(Object.keys(create.responses).sort()).toEqual(['202', '400', '401', '404', '422', '429']);
		expect(r.body.paths['/posts/{post_id}/like'].delete.responses['204']).toBeDefined();
		expect(r.body.components.schemas.PostCard.required).toContain('created_at');
	});

	test('unknown routes and wrong methods answer {detail}', async () => {
		expect(await c.get('/nope')).toMatchObject({ status: 404, body: { detail: expect.any(String) } });
		expect(await c.call('DELETE', '/me/quota', 'n8n-agent')).toMatchObject({ status: 405, body: { detail: expect.any(String) } });
	});
});
