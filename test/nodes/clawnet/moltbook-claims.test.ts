/**
 * ClawNet node — Moltbook (verification, post follows by command to the ClawNet agent and by
 * DELETE) and Claim Code through real n8n-core against the sandbox and its Moltbook stand-in:
 * requests as received, outputs and notices, the answers arriving as DMs, URLs checked before
 * sending, and API errors.
 */
import { json, paired, rl, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet();

const WELCOME_URL = 'https://www.moltbook.com/post/clwnt-welcome';
const NOTICE = 'Command sent to the ClawNet agent: its answer arrives as a DM in your inbox.';

/** The text of the newest DM from ClawNet to n8n_agent, read through the node. */
async function lastAnswerFromClawNet(): Promise<string> {
	const { items } = await c.run({ resource: 'message', operation: 'getMany', returnAll: true });
	const fromClawNet = items.filter((i) => i.json.from === 'ClawNet');
	const last = fromClawNet[fromClawNet.length - 1].json;
	expect(last.wrapper_valid).toBe(true);
	return String(last.text);
}

describe('Moltbook verification', () => {
	test('Start, post the code on Moltbook, Confirm, then Unlink', async () => {
		const started = await c.run({ resource: 'moltbook', operation: 'startVerification' });
		expect(started.error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/moltbook/verify', query: {}, principal: 'n8n_agent', status: 200 }]);
		const verification = started.items[0].json as Json;
		expect(verification).toEqual({
			ok: true,
			code: expect.stringMatching(/^clwnt-[0-9a-f]+$/),
			expires_at: expect.any(String),
			submolt: 'clwnt',
			suggested_content: `Verifying my ClawNet agent n8n_agent: ${verification.code}`,
			instructions: expect.stringContaining('within 10 minutes'),
		});
		const ttl = Date.parse(verification.expires_at) - Date.now();
		expect(ttl).toBeGreaterThan(9 * 60_000);
		expect(ttl).toBeLessThanOrEqual(10 * 60_000);

		await c.t.current.control('POST', 'clawnet/moltbook/posts', { id: 'n8n-verify', author: 'n8n_on_moltbook', content: verification.suggested_content });
		const confirmed = await c.run({ resource: 'moltbook', operation: 'confirmVerification', postId: '  n8n-verify ' });
		expect(confirmed.error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/moltbook/verify/confirm', body: { post_id: 'n8n-verify' }, principal: 'n8n_agent', status: 200 }]);
		expect(json(confirmed.items)).toEqual([{ ok: true, agent_id: 'n8n_agent', moltbook_username: 'n8n_on_moltbook' }]);
		expect((await c.run({ resource: 'profile', operation: 'get' })).items[0].json.moltbook_username).toBe('n8n_on_moltbook');

		const unlinked = await c.run({ resource: 'moltbook', operation: 'unlink' });
		expect(await c.sent()).toMatchObject([{ method: 'DELETE', path: '/moltbook/verify', principal: 'n8n_agent', status: 200 }]);
		expect(json(unlinked.items)).toEqual([{ ok: true, agent_id: 'n8n_agent', unlinked: 'n8n_on_moltbook', moltbook_username: null }]);
		const again = await c.run({ resource: 'moltbook', operation: 'unlink' });
		expect(again.error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: expect.stringContaining('No Moltbook account is linked') });
	});

	test('Confirm with a post that lacks the code is a 400 with the API\'s message; a blank post ID is refused before sending', async () => {
		await c.run({ resource: 'moltbook', operation: 'startVerification' });
		const { error } = await c.run({ resource: 'moltbook', operation: 'confirmVerification', postId: 'clwnt-welcome' });
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message: expect.stringContaining('The verification code was not found in Moltbook post clwnt-welcome or its comments'),
			description: 'HTTP 400 (invalid_request).',
		});
		await c.refused({ resource: 'moltbook', operation: 'confirmVerification', postId: '   ' }, 'Moltbook Post ID (postId) is required');
	});
});

describe('Moltbook post follows', () => {
	test('Follow Post: POST /send to ClawNet "follow <url>"; the notice says the answer comes as a DM, and it does', async () => {
		const { items, error } = await c.run({ resource: 'moltbook', operation: 'followPost', postUrl: ` ${WELCOME_URL} ` });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/send', body: { to: 'ClawNet', message: `follow ${WELCOME_URL}` }, principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, id: expect.stringMatching(/^msg_/), notice: NOTICE }]);
		expect(await lastAnswerFromClawNet()).toBe(`Following ${WELCOME_URL}. You will get a DM here when it gets new comments.`);

		await c.t.current.control('POST', 'clawnet/moltbook/posts/clwnt-welcome/comments', { author: 'tom_on_moltbook', content: 'Welcome, n8n!' });
		expect(await lastAnswerFromClawNet()).toBe(`New comment by tom_on_moltbook on ${WELCOME_URL}: "Welcome, n8n!"`);
	});

	test('List Followed Posts: "list follows", the list arrives as a DM', async () => {
		await c.run({ resource: 'moltbook', operation: 'followPost', postUrl: 'https://moltbook.com/post/clwnt-welcome/' });
		const { items } = await c.run({ resource: 'moltbook', operation: 'listFollowedPosts' });
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/send', body: { to: 'ClawNet', message: 'list follows' }, status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, id: expect.stringMatching(/^msg_/), notice: NOTICE }]);
		expect(await lastAnswerFromClawNet()).toMatch(new RegExp(`^You follow 1 Moltbook post:\\n- ${WELCOME_URL.replace(/[./]/g, '\\$&')} \\(since `));
	});

	test('Unfollow Post by Command: "unfollow <url>"', async () => {
		await c.run({ resource: 'moltbook', operation: 'followPost', postUrl: WELCOME_URL });
		const { items } = await c.run({ resource: 'moltbook', operation: 'unfollowPostByCommand', postUrl: WELCOME_URL });
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/send', body: { to: 'ClawNet', message: `unfollow ${WELCOME_URL}` }, status: 200 }]);
		expect(items[0].json.notice).toBe(NOTICE);
		expect(await lastAnswerFromClawNet()).toBe(`Unfollowed ${WELCOME_URL}.`);
	});

	test.each([
		['url', rl('url', WELCOME_URL)],
		['id', rl('id', 'clwnt-welcome')],
	])('Unfollow Post: DELETE /follows/moltbook/:id, the post given by %s; not following is a 404', async (_mode, moltbookPostId) => {
		await c.run({ resource: 'moltbook', operation: 'followPost', postUrl: WELCOME_URL });
		const { items, error } = await c.run({ resource: 'moltbook', operation: 'unfollowPost', moltbookPostId });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'DELETE', path: '/follows/moltbook/clwnt-welcome', principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, post_id: 'clwnt-welcome', following: false }]);
		const again = await c.run({ resource: 'moltbook', operation: 'unfollowPost', moltbookPostId });
		expect(again.error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: expect.stringContaining('You do not follow Moltbook post clwnt-welcome') });
	});

	test.each([
		['followPost', 'clwnt-welcome'],
		['followPost', 'https://example.com/post/clwnt-welcome'],
		['followPost', 'www.moltbook.com/post/clwnt-welcome'],
		['unfollowPostByCommand', 'clwnt-welcome'],
		['unfollowPostByCommand', `${WELCOME_URL} and more`],
	])('%s with "%s" (not a full Moltbook post URL) is refused before sending, naming the field', async (operation, postUrl) => {
		const result = await c.refused(
			{ resource: 'moltbook', operation, postUrl },
			/^Moltbook Post URL \(message\) is not valid: it must be a full Moltbook post URL such as https:\/\/www\.moltbook\.com\/post\/ID \(not a bare ID\); it is ".*" \(\d+ characters\)\. Refused by the node before sending: nothing was sent\.$/,
		);
		expect(result.error!.message).toContain(postUrl);
	});
});

describe('Claim Code', () => {
	test('Get: GET /claim/:code (public): who left a message', async () => {
		const { items, error } = await c.run({ resource: 'claimCode', operation: 'get', code: 'CLAWNET-DEMO' });
		expect(error).toBeUndefined();
		const [request] = await c.sent();
		expect(request).toMatchObject({ method: 'GET', path: '/claim/CLAWNET-DEMO', query: {}, status: 200 });
		expect(request.principal).toBeUndefined();
		expect(json(items)).toEqual([{ ok: true, code: 'CLAWNET-DEMO', exists: true, from: 'Tom', claimed: false }]);
	});

	test('Redeem: POST /claim/:code delivers the stored message to the inbox; a second redeem is a 409', async () => {
		const { items, error } = await c.run({ resource: 'claimCode', operation: 'redeem', code: 'CLAWNET-DEMO' });
		expect(error).toBeUndefined();
		expect(await c.sent()).toMatchObject([{ method: 'POST', path: '/claim/CLAWNET-DEMO', principal: 'n8n_agent', status: 200 }]);
		expect(json(items)).toEqual([{ ok: true, message_from: 'Tom' }]);

		const inbox = await c.run({ resource: 'message', operation: 'getMany', returnAll: true });
		expect(inbox.items.map((i) => [i.json.from, i.json.text])).toContainEqual(['Tom', 'Hi! I saved this message for you until you joined ClawNet. — Tom']);
		expect((await c.run({ resource: 'claimCode', operation: 'get', code: 'CLAWNET-DEMO' })).items[0].json.claimed).toBe(true);

		const again = await c.run({ resource: 'claimCode', operation: 'redeem', code: 'CLAWNET-DEMO' });
		expect(again.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '409',
			message: expect.stringContaining('Claim code CLAWNET-DEMO was already redeemed'),
			description: 'HTTP 409 (already_claimed). This claim code has already been redeemed.',
		});
	});

	test('an unknown code is a 404; a code of another shape is refused before sending; several codes give paired outputs', async () => {
		expect((await c.run({ resource: 'claimCode', operation: 'get', code: 'NOPE' })).error).toMatchObject({ httpCode: '404', message: expect.stringContaining('Claim code NOPE not found') });

		const bad = await c.run({ resource: 'claimCode', operation: 'get', code: '={{ "SPRING 2026/1" }}' });
		expect(bad.error?.message).toMatch(/^Claim Code \(code\) is not a claim code: .*; it is "SPRING 2026\/1" \(13 characters\)\. Refused by the node before sending/);

		await c.t.current.control('POST', 'clawnet/claims', { from: 'Sam', message: 'Hello from Sam', code: 'spring.2026_1' });
		const input = [{ json: { code: 'spring.2026_1' } }, { json: { code: 'CLAWNET-DEMO' } }];
		const { items, error } = await c.run({ resource: 'claimCode', operation: 'get', code: '={{ $json.code }}' }, { input });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.code, i.json.from])).toEqual([
			['spring.2026_1', 'Sam'],
			['CLAWNET-DEMO', 'Tom'],
		]);
		expect(paired(items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect((await c.sent()).map((r) => r.path).sort()).toEqual(['/claim/CLAWNET-DEMO', '/claim/spring.2026_1']);
	});
});
