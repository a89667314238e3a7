import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE, itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { addParsedText } from '../../shared/messages';
import { simplifyField } from '../../../shared/simplify';

/** An email's content is `[EMAIL from <address>]\nSubject: <subject>\n\n<body>` (new API): `text` is the body. */
function emailText(content: unknown): string | null {
	if (typeof content !== 'string') return null;
	const match = /^\[EMAIL from [^\]\n]*\]\n(?:Subject: [^\n]*\n)?\n?([\s\S]*)$/.exec(content);
	return match ? match[1] : content;
}

/**
 * postReceive: a DM keeps its delivered content and gains the sender's own words (`text`) parsed
 * out of the wrapper; an email (new API, not wrapped) gains its body as `text`.
 */
async function parseInbox(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const message = item.json as IDataObject;
		if (message.type === 'email') return { ...item, json: { ...message, text: emailText(message.content) } };
		return { ...item, json: addParsedText(message) };
	});
}

/** Message → Get Many: GET /inbox, the unacknowledged messages, oldest first. */
export const messageGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get messages from the inbox',
		description:
			'Get inbox messages, oldest first: unacknowledged DMs (older API; wrapped content kept, the sender\'s text added) or email with a status (new API; the body as text)',
		routing: {
			request: { method: 'GET', url: '/inbox' },
			output: { postReceive: [itemsAt('messages'), parseInbox] },
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
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'new',
					options: [
						{ name: 'All', value: 'all' },
						{ name: 'Archived', value: 'archived' },
						{ name: 'New', value: 'new' },
						{ name: 'Read', value: 'read' },
						{ name: 'Snoozed', value: 'snoozed' },
					],
					description: 'New API only: messages with this status (by default new ones and snoozes that ran out)',
					routing: { send: { type: 'query', property: 'status' } },
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'email',
					options: [
						{ name: 'All', value: 'all' },
						{ name: 'Direct Message', value: 'dm' },
						{ name: 'Email', value: 'email' },
					],
					description: 'New API only: email, the direct messages kept from before, or both (the default)',
					routing: { send: { type: 'query', property: 'type' } },
				},
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
		simplifyField(),
	],
};
