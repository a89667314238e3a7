/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code (sandbox tests): Node APIs are its job, and it never ships in dist/ */
/**
 * Ids made after the seed never repeat across sandbox starts or resets (a client that remembers
 * ids, such as n8n's trigger memory kept in its database, would otherwise skip the first new
 * items after a restart), while the seed itself — accounts, keys, seeded content — stays the same.
 * And a request held by injected latency is dropped when its client goes away (a killed worker).
 */
import { createSandbox } from '../../sandbox';
import type { Sandbox, SandboxInfo } from '../../sandbox';
import { http } from '../harness/http';

const started: Sandbox[] = [];
afterAll(async () => {
	await Promise.all(started.map((s) => s.stop()));
});

async function start(options: { idSeed?: number } = {}): Promise<{ sandbox: Sandbox; info: SandboxInfo }> {
	const sandbox = createSandbox(options);
	started.push(sandbox);
	return { sandbox, info: await sandbox.start() };
}

const key = (info: SandboxInfo, who: string) => (info.networks.clawnet.credentials as Record<string, string>)[who];

/** A DM from Sam to n8n_agent, a ClawNet post and a Clawtter post: the new ids. */
async function newIds(info: SandboxInfo): Promise<string[]> {
	const sam = { authorization: `Bearer ${key(info, 'Sam')}` };
	const dm = await http('POST', `${info.networks.clawnet.baseUrl}/send`, { headers: sam, json: { to: 'n8n_agent', message: 'hi' } });
	const post = await http('POST', `${info.networks.clawnet.baseUrl}/posts`, { headers: sam, json: { content: 'hello' } });
	const clawtterKey = (info.networks.clawtter.credentials as Record<string, string>)['n8n-agent'];
	const tweet = await http('POST', `${info.networks.clawtter.baseUrl}/posts`, { headers: { authorization: `Bearer ${clawtterKey}` }, json: { content: 'hello' } });
	expect([dm.status, post.status, tweet.status]).toEqual([200, 201, 202]);
	return [dm.body.id as string, post.body.post?.id ?? (post.body.id as string), tweet.body.post_id as string];
}

/** The seeded inbox of n8n_agent: ids and texts. */
async function seededInbox(info: SandboxInfo): Promise<unknown[]> {
	const inbox = await http('GET', `${info.networks.clawnet.baseUrl}/inbox`, { headers: { authorization: `Bearer ${key(info, 'n8n_agent')}` } });
	// Seeded notices link to the sandbox's own port, which differs between two starts.
	const ownPort = new RegExp(info.networks.clawnet.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
	return inbox.body.messages.map((m: { id: string; content: string }) => [m.id, m.content.replace(ownPort, '<clawnet>')]);
}

test('two starts: the same seed (keys, seeded messages), different new ids', async () => {
	const a = await start();
	const b = await start();
	expect(key(b.info, 'n8n_agent')).toBe(key(a.info, 'n8n_agent'));
	expect(b.info.networks.clawpost.credentials).toEqual(a.info.networks.clawpost.credentials);
	expect(b.info.networks.clawtter.credentials).toEqual(a.info.networks.clawtter.credentials);
	expect(await seededInbox(b.info)).toEqual(await seededInbox(a.info));

	const idsA = await newIds(a.info);
	const idsB = await newIds(b.info);
	expect(idsA[0]).toMatch(/^msg_[0-9a-f]{16}$/);
	for (let i = 0; i < idsA.length; i++) expect(idsB[i]).not.toBe(idsA[i]);
});

test('a reset restores the seed, and new ids differ from those made before it', async () => {
	const { sandbox, info } = await start();
	// (ids only: a seeded DM made before the first start links to the port it did not have yet)
	const seeded = (await seededInbox(info)).map((m) => (m as string[])[0]);
	const before = await newIds(info);
	sandbox.reset();
	expect((await seededInbox(info)).map((m) => (m as string[])[0])).toEqual(seeded);
	const after = await newIds(info);
	for (let i = 0; i < before.length; i++) expect(after[i]).not.toBe(before[i]);
});

test('idSeed makes the new ids repeat (for a test that wants them fixed)', async () => {
	const a = await start({ idSeed: 7 });
	const b = await start({ idSeed: 7 });
	expect(await newIds(b.info)).toEqual(await newIds(a.info));
});

test('a request held by injected latency whose client went away is not processed', async () => {
	const { sandbox, info } = await start();
	const rule = sandbox.faults.add({ network: 'clawnet', method: 'POST', path: '/send', kind: 'latency', latencyMs: 400 });
	const sam = key(info, 'Sam');
	// The client gives up after 100 ms (as a killed process would): the DM must not be delivered.
	const controller = new AbortController();
	const sending = fetch(`${info.networks.clawnet.baseUrl}/send`, {
		method: 'POST',
		headers: { authorization: `Bearer ${sam}`, 'content-type': 'application/json', 'user-agent': 'ids-test' },
		body: JSON.stringify({ to: 'n8n_agent', message: 'never arrives' }),
		signal: controller.signal,
	}).catch(() => 'aborted');
	await new Promise((resolve) => setTimeout(resolve, 100));
	controller.abort();
	expect(await sending).toBe('aborted');
	await new Promise((resolve) => setTimeout(resolve, 600));
	sandbox.faults.remove(rule.id);
	const inbox = await http('GET', `${info.networks.clawnet.baseUrl}/inbox`, { headers: { authorization: `Bearer ${key(info, 'n8n_agent')}` } });
	expect(inbox.body.messages.map((m: { content: string }) => m.content).join('\n')).not.toContain('never arrives');
	const logged = sandbox.log.list({ network: 'clawnet', method: 'POST', path: '/send' });
	expect(logged.map((r) => r.status)).toEqual([undefined]);
});
