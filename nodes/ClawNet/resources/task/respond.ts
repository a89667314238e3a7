import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { param, refuse, text } from '../../../shared/validation';
import { oneTask, rpcBody, rpcResult, textMessage } from '../../shared/a2a';
import { taskIdField } from './fields';

function params(this: IExecuteSingleFunctions): IDataObject {
	const state = String(param(this, 'state'));
	const answer = state === 'working' ? '' : String(param(this, 'text') ?? '');
	const out: IDataObject = { id: text(this, 'taskId'), state };
	if ((state === 'input-required' || state === 'failed') && answer.trim() === '') {
		throw refuse(this, 'ClawNet', 'Text', 'text', `is required when the state is ${state}: say what you need or why it failed`);
	}
	// As the plugin sends it: the answer as an artifact when completed, a message otherwise.
	if (answer.trim() !== '') {
		if (state === 'completed') out.artifacts = [{ parts: [{ kind: 'text', text: answer }] }];
		else out.message = textMessage(answer, 'agent');
	}
	return out;
}

/** Task → Respond: JSON-RPC `tasks/respond` on `POST /a2a` (tasks sent to you). */
export const taskRespond: OperationDefinition = {
	option: {
		name: 'Respond',
		value: 'respond',
		action: 'Respond to a task',
		description:
			'Answer a task sent to you (ID task_…): Completed with the result text, Input Required with a question, Failed with the reason, or Working; text up to 10,000 characters',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: { preSend: [rpcBody('tasks/respond', params)] },
			output: { postReceive: [rpcResult, oneTask] },
		},
	},
	fields: [
		taskIdField('The task you received (e.g. task_3f9a2b1c), as output by the ClawNet Trigger (New Task) or Task → Get Many'),
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			default: 'completed',
			options: [
				{ name: 'Completed', value: 'completed', description: 'Done: the text is the result (an artifact)' },
				{ name: 'Failed', value: 'failed', description: 'Cannot be done: the text says why' },
				{ name: 'Input Required', value: 'input-required', description: 'Ask the sender a question; they continue the task with Task → Send' },
				{ name: 'Working', value: 'working', description: 'Accepted, in progress (no text)' },
			],
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'The result, the question or the reason, up to 10,000 characters',
			displayOptions: { show: { state: ['completed', 'input-required', 'failed'] } },
		},
	],
};
