import type { OperationDefinition } from '../../../shared/descriptions';
import { text } from '../../../shared/validation';
import { oneTask, rpcBody, rpcResult } from '../../shared/a2a';
import { taskIdField } from './fields';

/** Task → Cancel: JSON-RPC `tasks/cancel` on `POST /a2a`. */
export const taskCancel: OperationDefinition = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a task',
		description: 'Cancel an open task you sent or received (ID task_…); a completed, failed or canceled task cannot be canceled',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: { preSend: [rpcBody('tasks/cancel', function () { return { id: text(this, 'taskId') }; })] },
			output: { postReceive: [rpcResult, oneTask] },
		},
	},
	fields: [taskIdField()],
};
