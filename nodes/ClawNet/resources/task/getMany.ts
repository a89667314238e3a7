import { returnAllAndLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/descriptions';
import { eachTask, rpcBody, rpcResult } from '../../shared/a2a';
import { filterParams, roleField, statusField } from './fields';
import { simplifyField } from '../../../shared/simplify';
import { param } from '../../../shared/validation';

/** tasks/list answers at most 100 tasks and has no cursor: Return All asks for 100. */
const MAX_TASKS = 100;

/** Task → Get Many: JSON-RPC `tasks/list` on `POST /a2a`. */
export const taskGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many tasks',
		description: 'Tasks you received or sent, newest state change first, filtered by state (at most 100: the list has no paging)',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: {
				preSend: [
					rpcBody('tasks/list', function () {
						const limit = param(this, 'returnAll', false) === true ? MAX_TASKS : Number(param(this, 'limit', 50));
						return { ...filterParams(param(this, 'role'), param(this, 'status', [])), limit };
					}),
				],
			},
			output: { postReceive: [rpcResult, eachTask] },
		},
	},
	fields: [
		roleField,
		statusField,
		...returnAllAndLimit({ maxLimit: MAX_TASKS, limitParam: null }),
		simplifyField(),
	],
};
