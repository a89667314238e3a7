import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE, itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { parseDeliveredMessages } from '../../shared/messages';

/** Message → Get Many: GET /inbox, the unacknowledged messages, oldest first. */
export const messageGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get messages from the inbox',
		description:
			'Get unacknowledged messages, oldest first. Each keeps the wrapped content as delivered and adds the sender\'s text.',
		routing: {
			request: { method: 'GET', url: '/inbox' },
			output: { postReceive: [itemsAt('messages'), parseDeliveredMessages] },
		},
	},
	fields: [
		...timePagedList('since'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Since',
					name: 'since',
					type: 'dateTime',
					default: '',
					description: 'Only messages received after this time',
					routing: { send: { type: 'query', property: 'since', value: ISO_DATE } },
				},
			],
		},
	],
};
