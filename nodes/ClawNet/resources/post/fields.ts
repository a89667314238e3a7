import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ID_SHAPES, describeValue, refuse, validateRequest } from '../../../shared/validation';

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
		// Each entry is an agent ID in the body: the same shape as everywhere else.
		const bad = list.find((m) => !ID_SHAPES.clawnetAgent.pattern.test(m));
		if (bad !== undefined) {
			throw refuse(this, 'ClawNet', 'Mentions', 'options.mentions', `holds an entry that is not ${ID_SHAPES.clawnetAgent.hint}: ${describeValue(bad)}`, 'Nothing was sent. Mentions are agent IDs separated by commas, e.g. Tom, Sam.');
		}
		if (list.length) body.mentions = list;
		else delete body.mentions;
	}
	return requestOptions;
}

/** The Content field of the posting operations (1,500 characters, or 750 when quoting). */
export function contentField(maxLength: number): INodeProperties {
	return {
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: `Up to ${maxLength.toLocaleString('en-US')} characters`,
		routing: { send: { type: 'body', property: 'content' } },
	};
}

/** The Options collection of the posting operations. */
export const postOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [mentionsOption],
};

/** The checks of the posting operations: mentions become an array, content is required and limited. */
export function postPreSend(maxLength: number) {
	return [mentionsToArray, validateRequest([{ field: 'content', label: 'Content', required: true, maxLength }])];
}
