import type { OperationDefinition } from '../../../shared/descriptions';
import { param } from '../../../shared/validation';
import { rpcBody, rpcResult } from '../../shared/a2a';
import { filterParams, roleField, statusField } from './fields';

/** Task → Count: JSON-RPC `tasks/count` on `POST /a2a`. */
export const taskCount: OperationDefinition = {
	option: {
		name: 'Count',
		value: 'count',
		action: 'Count tasks',
		description: 'How many tasks you received or sent are in the chosen states',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: { preSend: [rpcBody('tasks/count', function () { return filterParams(param(this, 'role'), param(this, 'status', [])); })] },
			output: { postReceive: [rpcResult] },
		},
	},
	fields: [roleField, statusField],
};
