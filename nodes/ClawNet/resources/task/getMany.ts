import type { OperationDefinition } from '../../../shared/descriptions';
import { eachTask, param, rpcBody, rpcResult } from '../../shared/a2a';
import { filterParams, roleField, statusField } from './fields';
import { simplifyField } from '../../../shared/simplify';

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
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue: MAX_TASKS },
			default: 50,
			description: 'Max number of results to return',
			routing: { output: { maxResults: '={{ $value }}' } },
		},
		simplifyField(),
	],
};
