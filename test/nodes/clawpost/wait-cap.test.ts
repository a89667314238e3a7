/**
 * A rate-limit wait longer than Rate Limit → Max Wait fails the item with advice — and the advice
 * must be honest about what already went through: when Claw Post answers a job poll with a far
 * reset, the job itself was created, so "nothing was sent, run it again" would be wrong.
 */
import { runNode } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

const t = useSandbox();

test('Wait for Result: a job poll answered 429 with a reset past Max Wait says the job went through, not that nothing was sent', async () => {
	await t.current.control('POST', 'clawpost/extension', { mode: 'manual' });
	const reset = Math.ceil(Date.now() / 1000) + 3600;
	await t.current.fault({ network: 'clawpost', method: 'GET', path: '/v1/jobs/*', kind: 'rateLimit', headers: { 'X-RateLimit-Reset': String(reset), 'Retry-After': '3600' } });
	const { error } = await runNode({
		type: 'clawPost',
		parameters: { resource: 'post', operation: 'create', platforms: ['x'], text: 'Posted, then throttled', options: { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 }, rateLimit: { maxWaitSeconds: 1 } },
		credentials: { clawPostApi: { apiKey: seededKey(t.current, 'clawpost', 'paired'), baseUrl: t.current.info.networks.clawpost.baseUrl } },
	});
	const created = await t.current.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });
	expect(created.map((r) => r.status)).toEqual([201]);
	expect(error?.description ?? '').not.toMatch(/[Nn]othing was sent/);
	expect(error?.description).toMatch(/this request was not sent \(1 earlier request of this item went through\)/);
});
