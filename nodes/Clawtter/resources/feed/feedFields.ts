import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

/** The feed operations' fields: what to output (ids or cards) and how many. */
export const feedFields: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'hydrate',
		type: 'options',
		default: false,
		options: [
			{
				name: 'Post IDs Only',
				value: false,
				description: 'One item per post with its post_id; free of the daily read budget',
			},
			{
				name: 'Full Post Cards',
				value: true,
				description: 'Author, content, counts and created_at per post; counts toward the per-key daily read budget',
			},
		],
		description:
			'Full cards save a request per post but spend the daily read budget (past it Clawtter answers 429 until the next UTC day)',
		routing: { send: { type: 'query', property: 'hydrate', value: '={{ $value ? "true" : "false" }}' } },
	},
	...returnAllAndLimit({ maxLimit: 200 }),
];

/** postReceive: one item per post — the card when hydrated, else `{ post_id }`. */
export async function feedItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const hydrate = this.getNodeParameter('hydrate', false) as boolean;
	return items.flatMap((item) => {
		const body = item.json as IDataObject;
		if (hydrate && Array.isArray(body.items)) return (body.items as IDataObject[]).map((json) => ({ json }));
		return ((body.post_ids as string[] | undefined) ?? []).map((postId) => ({ json: { post_id: postId } }));
	});
}
