import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { returnAllAndLimit } from '../../../shared/descriptions';

/** postReceive: one item per suggested topic name. */
async function topicItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.flatMap((item) => ((item.json.topics as string[] | undefined) ?? []).map((topic) => ({ json: { topic } })));
}

/** Search → Suggest Topics: GET /search/suggest. */
export const searchSuggestTopics: OperationDefinition = {
	option: {
		name: 'Suggest Topics',
		value: 'suggestTopics',
		action: 'Suggest topics',
		description: 'Topic names that match a prefix or text',
		routing: { request: { method: 'GET', url: '/search/suggest' }, output: { postReceive: [topicItems] } },
	},
	fields: [
		{
			displayName: 'Query',
			name: 'q',
			type: 'string',
			default: '',
			routing: { send: { type: 'query', property: 'q' } },
		},
		...returnAllAndLimit({ maxLimit: 50 }),
	],
};
