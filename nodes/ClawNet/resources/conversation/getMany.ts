import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';
import { addParsedText } from '../../shared/messages';
import { simplifyField } from '../../../shared/simplify';

/** Adds the sender's parsed text to each conversation's last message. */
async function parseLastMessages(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const last = item.json.last_message as IDataObject | undefined;
		return last ? { ...item, json: { ...item.json, last_message: addParsedText(last) } } : item;
	});
}

/** Conversation → Get Many: GET /conversations, each with its most recent message. */
export const conversationGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get conversations',
		description: 'Your conversations, each with its most recent message',
		routing: {
			request: { method: 'GET', url: '/conversations' },
			output: { postReceive: [itemsAt('conversations'), parseLastMessages] },
		},
	},
	fields: [...returnAllAndLimit({ maxLimit: 1000, limitParam: null }), simplifyField()],
};
