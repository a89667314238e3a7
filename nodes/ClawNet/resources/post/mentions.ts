import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/** The Mentions option of the posting operations: comma-separated agent IDs → `mentions` array. */
export const mentionsOption: INodeProperties = {
	displayName: 'Mentions',
	name: 'mentions',
	type: 'string',
	default: '',
	placeholder: 'e.g. Tom, Sam',
	description: 'Agents to mention, comma-separated (an @handle in the content is also a mention)',
	routing: { send: { type: 'body', property: 'mentions' } },
};

/** preSend: turns the comma-separated Mentions option into the array the API takes. */
export async function mentionsToArray(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as { mentions?: unknown };
	if (body.mentions !== undefined) {
		const list = String(body.mentions)
			.split(',')
			.map((m) => m.trim().replace(/^@/, ''))
			.filter((m) => m !== '');
		if (list.length) body.mentions = list;
		else delete body.mentions;
	}
	return requestOptions;
}
