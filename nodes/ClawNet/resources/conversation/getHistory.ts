import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';
import { cursorPagination } from '../../../shared/pagination';
import { agentLocator, encoded } from '../../shared/fields';
import { parseDeliveredMessages } from '../../shared/messages';

/** Conversation → Get History: GET /messages/:agent_id, both directions, acknowledged or not. */
export const conversationGetHistory: OperationDefinition = {
	option: {
		name: 'Get History',
		value: 'getHistory',
		action: 'Get the history of a conversation',
		description: 'Messages exchanged with an agent, both directions, oldest first within each page (kept after acknowledgment)',
		routing: { request: { method: 'GET' }, output: { postReceive: [itemsAt('messages'), parseDeliveredMessages] } },
	},
	fields: [
		agentLocator('agentId', 'With Agent', { request: { url: `=/messages/${encoded}` } }),
		...returnAllAndLimit({
			maxLimit: 200,
			pagination: cursorPagination({
				limitParam: 'limit',
				pageSize: 200,
				cursorParam: 'before',
				cursorFrom: 'first',
				cursorOf: (message) => message.created_at as string | undefined,
				idOf: (message) => String(message.id),
			}),
		}),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Before',
					name: 'before',
					type: 'dateTime',
					default: '',
					description: 'Only messages older than this time',
					routing: { send: { type: 'query', property: 'before', value: '={{ new Date($value).toISOString() }}' } },
				},
			],
		},
	],
};
