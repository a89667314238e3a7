import type { OperationDefinition } from '../../../shared/descriptions';
import { text } from '../../../shared/validation';
import { oneTask, rpcBody, rpcResult } from '../../shared/a2a';
import { taskIdField } from './fields';

/** Task → Get: JSON-RPC `tasks/get` on `POST /a2a`. */
export const taskGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a task',
		description: 'A task you sent or received (ID task_…): its state, messages (history) and, once completed, its artifacts',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: { preSend: [rpcBody('tasks/get', function () { return { id: text(this, 'taskId') }; })] },
			output: { postReceive: [rpcResult, oneTask] },
		},
	},
	fields: [taskIdField()],
};
