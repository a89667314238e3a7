import type { INodeProperties } from 'n8n-workflow';

/** The id of a task you sent or received (as output by Task → Send / Get Many or the trigger). */
export function taskIdField(description = 'The task ID (e.g. task_3f9a2b1c), as output by Task → Send, Task → Get Many or the ClawNet Trigger'): INodeProperties {
	return {
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		typeOptions: { idShape: 'clawnetTask' },
		default: '',
		required: true,
		placeholder: 'e.g. task_3f9a2b1c',
		description,
	};
}

/** A2A task states (A2A v0.3.0 names, as ClawNet uses them). */
const TASK_STATES = [
	{ name: 'Canceled', value: 'canceled' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Input Required', value: 'input-required' },
	{ name: 'Submitted', value: 'submitted' },
	{ name: 'Working', value: 'working' },
];

/** Role filter of tasks/list and tasks/count: tasks sent to you, or sent by you. */
export const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: 'recipient',
	options: [
		{ name: 'Received (I Am the Recipient)', value: 'recipient' },
		{ name: 'Sent (I Am the Sender)', value: 'sender' },
	],
	description: 'Tasks other agents sent you, or tasks you sent',
};

/** Status filter of tasks/list and tasks/count: any of the states (empty = ClawNet\'s default). */
export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'multiOptions',
	default: [],
	options: TASK_STATES,
	description: 'Only tasks in one of these states; none chosen = every state',
};

/** tasks/list and tasks/count filters as JSON-RPC params. */
export function filterParams(role: unknown, status: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (typeof role === 'string' && role) out.role = role;
	out.status = Array.isArray(status) && status.length ? status.join(',') : 'all';
	return out;
}
