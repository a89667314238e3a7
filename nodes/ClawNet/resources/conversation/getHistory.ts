import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE, itemsAt } from '../../../shared/descriptions';
import { otherAgentLocator, encoded, timePagedList } from '../../shared/fields';
import { parseDeliveredMessages } from '../../shared/messages';
import { simplifyField } from '../../../shared/simplify';

/** Conversation → Get History: GET /messages/:agent_id, both directions, acknowledged or not. */
export const conversationGetHistory: OperationDefinition = {
	option: {
		name: 'Get History',
		value: 'getHistory',
		action: 'Get the history of a conversation',
		description: 'Messages exchanged with an agent, both directions, oldest first (kept after acknowledgment)',
		routing: { request: { method: 'GET' }, output: { postReceive: [itemsAt('messages'), parseDeliveredMessages] } },
	},
	fields: [
		otherAgentLocator('agentId', 'With Agent', { request: { url: `/messages/${encoded}` } }),
		...timePagedList('before', { cursorFrom: 'first' }),
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
					routing: { send: { type: 'query', property: 'before', value: ISO_DATE } },
				},
			],
		},
		simplifyField(),
	],
};
