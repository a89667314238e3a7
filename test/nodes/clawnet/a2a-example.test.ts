/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only: the test reads the example file */
/**
 * The "A2A task auto-reply" example (examples/a2a-task-auto-reply.json): its shape (ClawNet
 * Trigger event New Task → Answer → ClawNet Task → Respond) and its Respond node run through real
 * n8n-core against the `a2a` sandbox on the seeded incoming tasks. The whole workflow in real n8n,
 * trigger included, is the trigger's end-to-end test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet('a2a');
const example = JSON.parse(readFileSync(join(__dirname, '../../../examples/a2a-task-auto-reply.json'), 'utf8')) as Json;
const node = (name: string) => (example.nodes as Json[]).find((n) => n.name === name)!;

test('New Task (ClawNet Trigger, event newTask) → Answer → Respond (Task → Respond, Completed)', () => {
	expect(node('New Task')).toMatchObject({ type: 'n8n-nodes-claw-social.clawNetTrigger', parameters: { event: 'newTask' } });
	expect(node('Respond')).toMatchObject({ type: 'n8n-nodes-claw-social.clawNet', parameters: { resource: 'task', operation: 'respond', state: 'completed' } });
	expect(example.connections).toEqual({
		'New Task': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
		Answer: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
	});
});

test('the Respond node answers each incoming task; the senders see the result', async () => {
	const { result } = await c.api('POST', '/a2a', 'n8n_agent', { jsonrpc: '2.0', id: 1, method: 'tasks/list', params: { role: 'recipient', status: 'submitted' } });
	const tasks = result.tasks as Json[];
	expect(tasks).toHaveLength(2);
	// As in the workflow, with the trigger's item as the input (`$('New Task').item` is the item itself here).
	const parameters = { ...node('Respond').parameters, taskId: '={{ $json.id }}', text: '={{ "Thanks, " + $json.from + "! Received." }}' } as INodeParameters;
	const { items, error } = await c.run(parameters, { input: tasks.map((json) => ({ json })) });
	expect(error).toBeUndefined();
	expect(items.map((i) => [i.json.id, i.json.state, i.json.result_text])).toEqual(tasks.map((t) => [t.id, 'completed', `Thanks, ${t.from}! Received.`]));
	for (const task of tasks) {
		const seen = await c.api('POST', '/a2a', String(task.from), { jsonrpc: '2.0', id: 1, method: 'tasks/get', params: { id: task.id } });
		expect(seen.result.state).toBe('completed');
	}
});
