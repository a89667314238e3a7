/**
 * Clawtter Account, Notification and Feedback through real n8n-core against the sandbox:
 * registration without a credential (the key shown once), profile updates, quota, honor, the
 * follower lists with Limit and Return All (offset paging), notifications that are cleared when
 * read, and feedback limits checked before sending.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { useSandbox } from '../../harness/sandbox';
import { PNG, binaryItem, clawtterKit } from './kit';

const t = useSandbox();
const { base, run, requests, noKey } = clawtterKit(t);

const register = (parameters: IDataObject, input?: Parameters<typeof runNode>[0]['input']) =>
	runNode({ type: 'clawtter', parameters: { resource: 'account', operation: 'register', baseUrl: `${base()}/`, ...parameters }, credentials: {}, input });

describe('Account → Register (no credential)', () => {
	test('POST /auth/register without Authorization; the key is output with a "shown once" notice and works', async () => {
		const { items, error } = await register({ identityId: 'fresh-bot', nickname: 'Fresh Bot', additionalFields: { bio: 'New here', personality: '{"tone":"dry"}' } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const out = items[0].json;
		expect(out).toMatchObject({ identity_id: 'fresh-bot', clawtter_id: expect.any(String), api_key: expect.stringMatching(/^clt_/) });
		expect(out.notice).toMatch(/Clawtter shows it only once and a lost key cannot be recovered/);
		const [request] = await requests('POST', '/auth/register');
		expect(request.body).toEqual({ identity_id: 'fresh-bot', nickname: 'Fresh Bot', bio: 'New here', personality: { tone: 'dry' } });
		expect(request.headers.authorization).toBeUndefined();
		expect(request.principal).toBeUndefined();
		expect(request.status).toBe(201);

		const quota = await runNode({
			type: 'clawtter',
			parameters: { resource: 'account', operation: 'getQuota' },
			credentials: { clawtterApi: { apiKey: String(out.api_key), baseUrl: base() } },
		});
		expect(quota.error).toBeUndefined();
		expect((await requests('GET', '/me/quota'))[0].principal).toBe('fresh-bot');
	});

	test('an avatar from a binary item is sent as avatar_base64', async () => {
		const { error } = await register(
			{ identityId: 'pic-bot', nickname: 'Pic Bot', additionalFields: { avatarBinary: 'data' } },
			[binaryItem(PNG, 'image/png', 'me.png')],
		);
		expect(error).toBeUndefined();
		const [request] = await requests('POST', '/auth/register');
		expect((request.body as IDataObject).avatar_base64).toBe(`image/png;base64,${PNG.toString('base64')}`);
	});

	test('an identity_id already taken: Clawtter\'s 409 detail', async () => {
		const { error } = await register({ identityId: 'n8n-agent', nickname: 'Copycat' });
		expect(error?.httpCode).toBe('409');
		expect(error?.message).toContain('identity_id "n8n-agent" is already registered');
	});

	test('checked before sending: a bad email, an over-long nickname, two avatars', async () => {
		expect((await register({ identityId: 'a', nickname: 'A', additionalFields: { ownerEmail: 'not-an-email' } })).error?.message).toBe(
			'Owner Email (owner_email) is not valid: it must be an email address; it is "not-an-email" (12 characters). Refused by the node before sending: nothing was sent.',
		);
		expect((await register({ identityId: 'a', nickname: 'n'.repeat(101) })).error?.message).toContain('Nickname (nickname) is too long: 101 characters; the limit is 100');
		const two = await register(
			{ identityId: 'a', nickname: 'A', additionalFields: { avatarBinary: 'data', avatarString: `image/png;base64,${PNG.toString('base64')}` } },
			[binaryItem(PNG, 'image/png', 'me.png')],
		);
		expect(two.error?.message).toBe('An avatar is one image; 2 were given');
		expect(await requests()).toHaveLength(0);
	});
});

describe('Account → Update Profile, Get Quota, Get Honor', () => {
	test('Update Profile: PATCH /me with the given fields only', async () => {
		const { items, error } = await run('account', 'updateProfile', { updateFields: { nickname: 'n8n bot', bio: 'Now with tests.' } });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ identity_id: 'n8n-agent', nickname: 'n8n bot', bio: 'Now with tests.' });
		const [request] = await requests('PATCH', '/me');
		expect(request.body).toEqual({ nickname: 'n8n bot', bio: 'Now with tests.' });
	});

	test('Update Profile: an avatar string as a data: URL with image/jpg becomes image/jpeg', async () => {
		const { error } = await run('account', 'updateProfile', { updateFields: { avatarString: `data:image/jpg;base64,${PNG.toString('base64')}` } });
		expect(error).toBeUndefined();
		const [request] = await requests('PATCH', '/me');
		expect(request.body).toEqual({ avatar_base64: `image/jpeg;base64,${PNG.toString('base64')}` });
	});

	test('Update Profile: at least one field, checked before sending', async () => {
		const { error } = await run('account', 'updateProfile', { updateFields: {} });
		expect(error?.message).toContain('Set at least one of: Nickname (nickname), Avatar (avatar_base64), Bio (bio), Personality (personality_json)');
		expect(await requests()).toHaveLength(0);
	});

	test('Update Profile: an empty nickname is refused before sending (Clawtter needs 1–100 characters)', async () => {
		const { error } = await run('account', 'updateProfile', { updateFields: { nickname: '' } });
		expect(error?.message).toContain('Nickname (nickname) is too short: 0 characters; the minimum is 1');
		expect(await requests()).toHaveLength(0);
	});

	test('Get Quota: GET /me/quota', async () => {
		const { items, error } = await run('account', 'getQuota');
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ base_quota: 20, used_quota: 0, remaining_quota: expect.any(Number), reset_at: expect.any(Number) });
		expect(String(items[0].json.reset_at)).toMatch(/^\d{10}$/);
		const [request] = await requests();
		expect([request.method, request.path, request.principal]).toEqual(['GET', '/me/quota', 'n8n-agent']);
	});

	test('Get Honor: GET /me/honor', async () => {
		const { items, error } = await run('account', 'getHonor');
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ honor_score: expect.any(Number), level: expect.any(Number), badges: expect.any(Array) });
		const [request] = await requests();
		expect([request.method, request.path]).toEqual(['GET', '/me/honor']);
	});
});

describe('Account → Get Followers / Get Following', () => {
	test('Limit asks for that many in one request', async () => {
		const { items, error } = await run('account', 'getFollowers', { returnAll: false, limit: 1 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const log = await requests();
		expect(log.map((r) => [r.path, r.query])).toEqual([['/me/followers', { limit: '1' }]]);
	});

	test('Get Following: the seeded follow', async () => {
		const { items } = await run('account', 'getFollowing', { returnAll: false, limit: 10 });
		expect(items.map((i) => i.json.identity_id)).toEqual(['lobster-lab']);
		expect((await requests())[0].query).toEqual({ limit: '10' });
	});

	test('Return All with a short list: one request, offset 0, page of 200', async () => {
		const { items } = await run('account', 'getFollowers', { returnAll: true });
		expect(items.map((i) => i.json.identity_id).sort()).toEqual(['lobster-lab', 'shell-poet']);
		expect((await requests()).map((r) => r.query)).toEqual([{ limit: '200', offset: '0' }]);
	});

	test('Return All follows offset in steps of 200 until a short page', async () => {
		const api = base();
		for (let i = 0; i < 199; i++) {
			const response = await fetch(`${api}/auth/register`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ identity_id: `fan-${i}`, nickname: `Fan ${i}` }),
			});
			const { api_key } = (await response.json()) as { api_key: string };
			const followed = await fetch(`${api}/clawtters/n8n-agent/follow`, { method: 'POST', headers: { Authorization: `Bearer ${api_key}` } });
			expect(followed.status).toBe(204);
		}
		const before = (await requests()).length;
		const { items, error } = await run('account', 'getFollowers', { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(201);
		expect(new Set(items.map((i) => i.json.identity_id)).size).toBe(201);
		const pages = (await requests('GET', '/me/followers')).slice(0);
		expect((await requests()).length - before).toBe(2);
		expect(pages.map((r) => r.query)).toEqual([
			{ limit: '200', offset: '0' },
			{ limit: '200', offset: '200' },
		]);
	});
});

describe('Notification → Get and Clear', () => {
	test('returns the pending notifications and empties the queue: a second call gets nothing', async () => {
		const first = await run('notification', 'getAndClear');
		expect(first.error).toBeUndefined();
		expect(first.items.map((i) => i.json.type).sort()).toEqual(['follow', 'like', 'reply']);
		expect(first.items.find((i) => i.json.type === 'follow')?.json).toMatchObject({ actor: { identity_id: 'shell-poet' } });
		const peek = await t.current.control<{ items: unknown[] }>('GET', 'clawtter/notifications/n8n-agent');
		expect(peek.items).toEqual([]);
		const second = await run('notification', 'getAndClear');
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(0);
		expect((await requests()).map((r) => [r.method, r.path])).toEqual([
			['GET', '/me/notifications'],
			['GET', '/me/notifications'],
		]);
	});
});

describe('Feedback → Send', () => {
	test('POST /me/feedback with category, content and the additional fields', async () => {
		const { items, error } = await run('feedback', 'send', {
			category: 'bug',
			content: 'The feed skips a post',
			additionalFields: { title: 'Feed', contact: 'ops@example.com', clientMeta: '{"n8n":true}' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ feedback_id: expect.any(String) });
		const [request] = await requests('POST', '/me/feedback');
		expect(request.body).toEqual({ category: 'bug', content: 'The feed skips a post', title: 'Feed', contact: 'ops@example.com', client_meta: { n8n: true } });
		const stored = (await t.current.control<{ feedback: IDataObject[] }>('GET', 'clawtter/feedback')).feedback;
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ identity_id: 'n8n-agent', category: 'bug' });
	});

	test.each([
		['blank content', { content: '   ' }, 'Content (content) is required'],
		['content over 5,000', { content: 'c'.repeat(5001) }, 'Content (content) is too long: 5001 characters; the limit is 5000'],
		['title over 200', { content: 'ok', additionalFields: { title: 't'.repeat(201) } }, 'Title (title) is too long: 201 characters; the limit is 200'],
		['contact over 255', { content: 'ok', additionalFields: { contact: 'c'.repeat(256) } }, 'Contact (contact) is too long: 256 characters; the limit is 255'],
	])('checked before sending: %s', async (_name, parameters, message) => {
		const { error } = await run('feedback', 'send', { category: 'other', ...parameters } as IDataObject as never);
		expect(error?.message).toContain(message);
		expect(error?.message).toMatch(/Refused by the node before sending: nothing was sent/);
		expect(await requests()).toHaveLength(0);
	});
});

test('no key in any output or error of the account operations', async () => {
	const outputs = await Promise.all([
		run('account', 'getQuota'),
		run('account', 'getHonor'),
		run('account', 'getFollowers', { returnAll: true }),
		run('account', 'updateProfile', { updateFields: { nickname: '' } }),
		run('account', 'getQuota', {}, { credential: { apiKey: `clt_${'0'.repeat(40)}` } }),
	]);
	for (const { items, error } of outputs) noKey(items, error?.message, error?.description, error?.stack);
	expect(outputs[4].error?.httpCode).toBe('401');
	expect(outputs[4].error?.description).toMatch(/Check the API key in the Clawtter credential/);
});
