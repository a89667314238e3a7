import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { param, refuse, text } from '../../../shared/validation';
import { externalUrlProblem, oneTask, rpcBody, rpcResult, textMessage } from '../../shared/a2a';
import { encoded, messageTextField, otherAgentLocator } from '../../shared/fields';

async function params(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IDataObject> {
	// The Message field is routed into the body (messageTextField): read it there, evaluated once.
	const message = (requestOptions.body as IDataObject | undefined)?.message ?? param(this, 'message');
	const out: IDataObject = { message: textMessage(String(message)) };
	const taskId = text(this, 'options.taskId');
	if (taskId) out.taskId = taskId;
	if (param(this, 'sendTo') === 'external') {
		const url = text(this, 'url');
		const problem = externalUrlProblem(url);
		if (problem) throw refuse(this, 'ClawNet', 'Endpoint URL', 'url', problem);
		out.url = url;
		out.__method = 'tasks/send-external';
	}
	return out;
}

/**
 * Task → Send: JSON-RPC `message/send` on `POST /a2a/:agent` (a ClawNet agent), or
 * `tasks/send-external` on `POST /a2a` (an external https A2A endpoint); a Task ID continues a
 * task that waits for input.
 */
export const taskSend: OperationDefinition = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send a task to an agent',
		description:
			'Start an agent-to-agent task (new ClawNet API) with a text of up to 10,000 characters, to a ClawNet agent (ID: 3–32 letters, digits, _) or an external https A2A endpoint; set Task ID (task_…) to answer a task that is input-required',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: { preSend: [rpcBody('message/send', params)] },
			output: { postReceive: [rpcResult, oneTask] },
		},
	},
	fields: [
		{
			displayName: 'Send To',
			name: 'sendTo',
			type: 'options',
			default: 'agent',
			options: [
				{ name: 'ClawNet Agent', value: 'agent' },
				{ name: 'External A2A Endpoint', value: 'external', description: 'An https URL of an agent outside ClawNet (10 an hour)' },
			],
		},
		{
			...otherAgentLocator('agentId', 'Agent', { request: { url: `/a2a/${encoded}` } }, 'The ClawNet agent who receives the task'),
			displayOptions: { show: { sendTo: ['agent'] } },
		},
		{
			displayName: 'Endpoint URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://agents.example.com/a2a/helper',
			description: 'The external agent\'s A2A JSON-RPC endpoint (https only)',
			displayOptions: { show: { sendTo: ['external'] } },
		},
		messageTextField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Task ID',
					name: 'taskId',
					type: 'string',
					typeOptions: { idShape: 'clawnetTask' },
					default: '',
					placeholder: 'e.g. task_3f9a2b1c',
					description: 'Continue this task (one you sent that now waits for input) instead of starting a new one',
				},
			],
		},
	],
};
