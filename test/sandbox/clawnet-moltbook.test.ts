/**
 * ClawNet conformance — Moltbook verification (against the Moltbook stand-in, expiry on the
 * sandbox clock), Moltbook post follows by DM commands to the ClawNet agent, and claim codes.
 */
import { clawnetFixture } from './clawnet-fixture';

const { t, call, register, expectError } = clawnetFixture();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- control answers are read loosely, like HTTP bodies
const control = <T = any>(method: string, path: string, body?: unknown) => t.current.control<T>(method, `clawnet/${path}`, body);
const moltbookPost = (body: Record<string, unknown>) => control('POST', 'moltbook/posts', body).then((r) => r.post);
/** The texts of an agent's unacknowledged DMs (from, sender's text). */
const dms = async (who: string): Promise<Array<{ from: string; text: string }>> => {
	const messages = (await call('GET', '/inbox?limit=200', who)).body.messages as Array<{ from: string; content: string }>;
	return messages.map((m) => ({ from: m.from, text: JSON.parse(m.content.slice(m.content.indexOf('<incoming_message>\n{') + 19, m.content.lastIndexOf('\n</incoming_message>'))).content }));
};
const ackAll = async (who: string) => {
	for (const m of (await call('GET', '/inbox?limit=200', who)).body.messages) await call('POST', `/inbox/${m.id}/ack`, who);
};
const command = (who: string, message: string) => call('POST', '/send', who, { to: 'ClawNet', message });

describe('Moltbook verification', () => {
	test('start → post the code in m/clwnt → confirm links the Moltbook username; profiles show it', async () => {
		const start = await call('POST', '/moltbook/verify', 'n8n_agent');
		expect(start.status).toBe(200);
		expect(start.body).toEqual({
			ok: true,
			code: expect.stringMatching(/^clwnt-[0-9a-f]{8}$/),
			expires_at: expect.any(String),
			submolt: 'clwnt',
			suggested_content: expect.any(String),
			instructions: expect.any(String),
		});
		expect(start.body.suggested_content).toContain(start.body.code);
		const clock = await t.current.control<{ now: string }>('POST', 'clock', {});
		expect(Date.parse(start.body.expires_at) - Date.parse(clock.now)).toBeGreaterThan(9.9 * 60_000);
		expect(Date.parse(start.body.expires_at) - Date.parse(clock.now)).toBeLessThanOrEqual(10 * 60_000);

		const molt = await moltbookPost({ author: 'n8n_molty', content: start.body.suggested_content });
		const confirm = await call('POST', '/moltbook/verify/confirm', 'n8n_agent', { post_id: molt.id });
		expect(confirm.status).toBe(200);
		expect(confirm.body).toEqual({ ok: true, agent_id: 'n8n_agent', moltbook_username: 'n8n_molty' });
		expect((await call('GET', '/agents/n8n_agent')).body.agent.moltbook_username).toBe('n8n_molty');
		expect((await call('GET', '/agents')).body.agents.find((a: { id: string }) => a.id === 'n8n_agent').moltbook_username).toBe('n8n_molty');
		// The code is used up.
		expectError(await call('POST', '/moltbook/verify/confirm', 'n8n_agent', { post_id: molt.id }), 400, 'invalid_request');
	});

	test('the code may be in a comment (the post id or the comment id is given); the comment author is linked', async () => {
		const { code } = (await call('POST', '/moltbook/verify', 'Sam')).body;
		const molt = await moltbookPost({ author: 'someone_else', content: 'Verification thread' });
		const comment = (await control('POST', `moltbook/posts/${molt.id}/comments`, { author: 'sam_molty', content: `my code: ${code}` })).comment;
		expect((await call('POST', '/moltbook/verify/confirm', 'Sam', { post_id: molt.id })).body.moltbook_username).toBe('sam_molty');
		const second = (await call('POST', '/moltbook/verify', 'Tom')).body.code;
		const c2 = (await control('POST', `moltbook/posts/${molt.id}/comments`, { author: 'tom_molty', content: second })).comment;
		expect(c2.id).not.toBe(comment.id);
		expect((await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: c2.id })).body.moltbook_username).toBe('tom_molty');
	});

	test('codes expire after 10 minutes of sandbox time', async () => {
		const { code } = (await call('POST', '/moltbook/verify', 'Sam')).body;
		const molt = await moltbookPost({ author: 'sam_molty', content: code });
		await t.current.control('POST', 'clock', { advanceMs: 9 * 60_000 + 59_000 });
		const { code: code2 } = (await call('POST', '/moltbook/verify', 'Tom')).body;
		const molt2 = await moltbookPost({ author: 'tom_molty', content: code2 });
		expect((await call('POST', '/moltbook/verify/confirm', 'Sam', { post_id: molt.id })).status).toBe(200);
		await t.current.control('POST', 'clock', { advanceMs: 10 * 60_000 });
		const expired = await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: molt2.id });
		expectError(expired, 400, 'invalid_request');
		expect(expired.body.message).toMatch(/expired/);
		expect((await call('GET', '/agents/Tom')).body.agent.moltbook_username).toBeNull();
	});

	test('confirm errors: no verification started, wrong code, unknown post, not in m/clwnt, username taken, missing post_id', async () => {
		const stray = await moltbookPost({ author: 'tom_molty', content: 'no code here' });
		expectError(await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: stray.id }), 400, 'invalid_request');
		const { code } = (await call('POST', '/moltbook/verify', 'Tom')).body;
		expectError(await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: stray.id }), 400, 'invalid_request');
		expectError(await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: 'no-such-post' }), 404, 'not_found');
		expectError(await call('POST', '/moltbook/verify/confirm', 'Tom', {}), 400, 'invalid_request');
		const elsewhere = await moltbookPost({ author: 'tom_molty', content: code, submolt: 'general' });
		expectError(await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: elsewhere.id }), 400, 'invalid_request');
		// sam_molty is linked to Sam: nobody else can link it.
		const samCode = (await call('POST', '/moltbook/verify', 'Sam')).body.code;
		await call('POST', '/moltbook/verify/confirm', 'Sam', { post_id: (await moltbookPost({ author: 'sam_molty', content: samCode })).id });
		const taken = await moltbookPost({ author: 'sam_molty', content: code });
		expectError(await call('POST', '/moltbook/verify/confirm', 'Tom', { post_id: taken.id }), 409, 'already_exists');
		expectError(await call('POST', '/moltbook/verify'), 401, 'unauthorized');
	});

	test('DELETE /moltbook/verify unlinks; 404 when nothing is linked', async () => {
		const { code } = (await call('POST', '/moltbook/verify', 'Sam')).body;
		await call('POST', '/moltbook/verify/confirm', 'Sam', { post_id: (await moltbookPost({ author: 'sam_molty', content: code })).id });
		const r = await call('DELETE', '/moltbook/verify', 'Sam');
		expect(r.body).toEqual({ ok: true, agent_id: 'Sam', unlinked: 'sam_molty', moltbook_username: null });
		expect((await call('GET', '/agents/Sam')).body.agent.moltbook_username).toBeNull();
		expectError(await call('DELETE', '/moltbook/verify', 'Sam'), 404, 'not_found');
	});
});

describe('Moltbook post follows (DM commands to ClawNet)', () => {
	const url = 'https://www.moltbook.com/post/clwnt-welcome';

	test('follow, list follows, unfollow: each answered by a DM from ClawNet', async () => {
		const token = await register('Molt_Follower');
		const sent = await command(token, `follow ${url}`);
		expect(sent.status).toBe(200);
		expect(sent.body).toEqual({ ok: true, id: expect.stringMatching(/^msg_/) });
		expect(await dms(token)).toEqual([{ from: 'ClawNet', text: `Following ${url}. You will get a DM here when it gets new comments.` }]);
		await ackAll(token);
		await command(token, `follow ${url}`);
		await command(token, 'follow https://moltbook.com/post/second-post/');
		await command(token, 'list follows');
		const answers = (await dms(token)).map((d) => d.text);
		expect(answers[0]).toBe(`You already follow ${url}.`);
		expect(answers[1]).toBe('Following https://www.moltbook.com/post/second-post. You will get a DM here when it gets new comments.');
		expect(answers[2]).toMatch(/^You follow 2 Moltbook posts:\n- https:\/\/www\.moltbook\.com\/post\/clwnt-welcome \(since .+\)\n- https:\/\/www\.moltbook\.com\/post\/second-post \(since .+\)$/);
		await ackAll(token);
		await command(token, `unfollow ${url}`);
		await command(token, `unfollow ${url}`);
		expect((await dms(token)).map((d) => d.text)).toEqual([`Unfollowed ${url}.`, `You do not follow ${url}.`]);
		// The commands and answers are a conversation with ClawNet.
		const history = (await call('GET', '/messages/ClawNet', token)).body.messages;
		expect(history.map((m: { from: string }) => m.from).slice(0, 2)).toEqual(['Molt_Follower', 'ClawNet']);
	});

	test('bare ids and unknown commands are answered with how to do it', async () => {
		const token = await register('Molt_Confused');
		await command(token, 'follow clwnt-welcome');
		await command(token, 'please follow that post');
		await command(token, 'list follows');
		const [bare, unknown, none] = (await dms(token)).map((d) => d.text);
		expect(bare).toMatch(/full Moltbook post URL/);
		expect(unknown).toMatch(/^Unknown command\. Commands: /);
		expect(none).toBe('You do not follow any Moltbook posts.');
	});

	test('a new comment on a followed Moltbook post is a DM from ClawNet', async () => {
		const token = await register('Molt_Watcher');
		await command(token, `follow ${url}`);
		await ackAll(token);
		await control('POST', 'moltbook/posts/clwnt-welcome/comments', { author: 'lobster', content: 'Hello from the deep' });
		expect(await dms(token)).toEqual([{ from: 'ClawNet', text: `New comment by lobster on ${url}: "Hello from the deep"` }]);
		await expect(control('POST', 'moltbook/posts/no-such-post/comments', { author: 'x', content: 'y' })).rejects.toThrow(/404/);
	});

	test('DELETE /follows/moltbook/:id removes a follow; 404 when not followed', async () => {
		const token = await register('Molt_Deleter');
		await command(token, `follow ${url}`);
		const r = await call('DELETE', '/follows/moltbook/clwnt-welcome', token);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true, post_id: 'clwnt-welcome', following: false });
		expectError(await call('DELETE', '/follows/moltbook/clwnt-welcome', token), 404, 'not_found');
		await ackAll(token);
		await command(token, 'list follows');
		expect((await dms(token))[0].text).toBe('You do not follow any Moltbook posts.');
		expectError(await call('DELETE', '/follows/moltbook/clwnt-welcome'), 401, 'unauthorized');
	});
});

describe('claim codes', () => {
	test('created by admin (control API); GET is public: exists and who sent it; redeem delivers the message once', async () => {
		const { claim } = await control('POST', 'claims', { from: 'Sam', message: 'Welcome! "Sam" here.', code: 'HELLO-NEW' });
		expect(claim).toMatchObject({ code: 'HELLO-NEW', from: 'Sam', claimed_by: null });
		const peek = await call('GET', '/claim/HELLO-NEW');
		expect(peek.status).toBe(200);
		expect(peek.body).toEqual({ ok: true, code: 'HELLO-NEW', exists: true, from: 'Sam', claimed: false });

		const token = await register('Newcomer');
		const redeem = await call('POST', '/claim/HELLO-NEW', token);
		expect(redeem.status).toBe(200);
		expect(redeem.body).toEqual({ ok: true, message_from: 'Sam' });
		const [message] = (await call('GET', '/inbox', token)).body.messages;
		expect(message.from).toBe('Sam');
		expect(message.content).toContain('<incoming_message>\n{"from": "Sam", "content": "Welcome! \\"Sam\\" here."}\n</incoming_message>');

		expectError(await call('POST', '/claim/HELLO-NEW', 'Tom'), 409, 'already_claimed');
		expect((await call('GET', '/claim/HELLO-NEW')).body.claimed).toBe(true);
	});

	test('unknown codes are 404; redeeming needs a token; the seeded CLAWNET-DEMO code works', async () => {
		expectError(await call('GET', '/claim/NOPE'), 404, 'not_found');
		expectError(await call('POST', '/claim/NOPE', 'Sam'), 404, 'not_found');
		expectError(await call('POST', '/claim/CLAWNET-DEMO'), 401, 'unauthorized');
		expect((t.current.info.networks.clawnet.demo as { claimCodes: string[] }).claimCodes).toEqual(['CLAWNET-DEMO']);
		expect((await call('GET', '/claim/CLAWNET-DEMO')).body).toMatchObject({ exists: true, from: 'Tom', claimed: false });
		expect((await call('POST', '/claim/CLAWNET-DEMO', 'Newbie')).body).toEqual({ ok: true, message_from: 'Tom' });
		expect((await dms('Newbie'))).toEqual([{ from: 'Tom', text: 'Hi! I saved this message for you until you joined ClawNet. — Tom' }]);
	});

	test('control: a generated code, an unknown sender is 404, a duplicate code 409', async () => {
		const { claim } = await control('POST', 'claims', { from: 'tom', message: 'hi' });
		expect(claim.code).toMatch(/^[0-9A-F]{10}$/);
		expect(claim.from).toBe('Tom');
		await expect(control('POST', 'claims', { from: 'Nobody_here', message: 'hi' })).rejects.toThrow(/404/);
		await expect(control('POST', 'claims', { from: 'Tom', message: 'hi', code: claim.code })).rejects.toThrow(/409/);
		await expect(control('POST', 'claims', { from: 'Tom' })).rejects.toThrow(/400/);
		expect((await control('GET', 'claims')).claims.map((c: { code: string }) => c.code)).toEqual(['CLAWNET-DEMO', claim.code]);
	});
});
