/**
 * Task → Send under Retry On Fail: n8n runs every item again when one fails. A task that went
 * through in the first try is answered from the run's memory, not sent again — the same
 * guarantee Message → Send has (test/nodes/rate-limits.test.ts), on the April-2026 API.
 */
import { rl, useClawNet } from './helpers';

const c = useClawNet('a2a');

test('Retry On Fail: the tasks that went through are not sent again; only the failed one is', async () => {
	await c.t.current.fault({ network: 'clawnet', method: 'POST', path: '/a2a/Tom', kind: 'status', status: 500, times: 1 });
	const input = [0, 1, 2].map((i) => ({ json: { i } }));
	const run = await c.run(
		{ resource: 'task', operation: 'send', agentId: rl('id', 'Tom'), message: '={{ "task " + $json.i }}' },
		{ input, settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } },
	);
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(3);
	const sent = await c.sent({ method: 'POST', path: '/a2a/Tom' });
	// 3 in the first try (one answered 500), then only the failed one.
	expect(sent.map((r) => r.status).sort()).toEqual([200, 200, 200, 500]);
	const created = sent.filter((r) => r.status === 200).map((r) => ((r.body as { params: { message: { parts: Array<{ text: string }> } } }).params.message.parts[0].text));
	expect(created.sort()).toEqual(['task 0', 'task 1', 'task 2']);
});
