/**
 * The trigger harness: a poll through PollContext and n8n-core's TriggersAndPollers, static
 * data carried from poll to poll and through a simulated restart (serialized, reloaded).
 */
import { registerNodeType, runPoll } from '../harness/n8n';
import { http } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';
import { ProbeTrigger } from '../fixtures/ProbeTrigger.node';

registerNodeType(new ProbeTrigger());
const t = useSandbox();

const poll = (staticData: Record<string, unknown> | undefined, mode: 'trigger' | 'manual' = 'trigger', backlog = false) =>
	runPoll({
		type: 'probeTrigger',
		parameters: { backlog },
		credentials: { clawNetApi: { token: seededKey(t.current, 'clawnet', 'n8n_agent'), baseUrl: t.current.info.networks.clawnet.baseUrl } },
		staticData: staticData as never,
		mode,
	});

const register = (agentId: string) => http('POST', `${t.current.info.networks.clawnet.baseUrl}/register`, { json: { agent_id: agentId } });

test('first activation records the backlog without emitting; new items come once, across restarts', async () => {
	const first = await poll(undefined);
	expect(first.error).toBeUndefined();
	expect(first.items).toBeNull();
	await register('Alpha_1');
	const second = await poll(first.staticData);
	expect(second.items?.map((i) => i.json.id)).toEqual(['Alpha_1']);
	// Restart: only the serialized static data survives.
	const afterRestart = await poll(JSON.parse(JSON.stringify(second.staticData)));
	expect(afterRestart.items).toBeNull();
	await register('Beta_2');
	await register('Gamma_3');
	const third = await poll(afterRestart.staticData);
	expect(third.items?.map((i) => i.json.id)).toEqual(['Beta_2', 'Gamma_3']);
	const requests = await t.current.requests({ network: 'clawnet', path: '/agents' });
	expect(requests).toHaveLength(4);
	expect(requests.every((r) => r.principal === undefined && r.headers.authorization?.startsWith('Bearer ***'))).toBe(true);
});

test('the backlog option emits everything on first activation', async () => {
	const first = await poll(undefined, 'trigger', true);
	expect(first.items?.length).toBe(5);
});

test('a failed poll surfaces the API error and leaves static data untouched', async () => {
	const first = await poll(undefined);
	await register('Delta_4');
	await t.current.fault({ network: 'clawnet', path: '/agents', kind: 'status', status: 500, times: 1 });
	const failed = await poll(first.staticData);
	expect(failed.error?.name).toBe('NodeApiError');
	expect(failed.staticData).toEqual(first.staticData);
	const retried = await poll(failed.staticData);
	expect(retried.items?.map((i) => i.json.id)).toEqual(['Delta_4']);
});

test('manual mode returns the newest item and marks nothing as seen', async () => {
	const first = await poll(undefined);
	await register('Echo_5');
	const manual = await poll(first.staticData, 'manual');
	expect(manual.items?.map((i) => i.json.id)).toEqual(['Echo_5']);
	expect(manual.staticData).toEqual(first.staticData);
	const next = await poll(manual.staticData);
	expect(next.items?.map((i) => i.json.id)).toEqual(['Echo_5']);
});
