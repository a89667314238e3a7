import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';

/** The field is a comma-separated list; the API wants an array (empty clears). */
async function toArray(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as { capabilities?: unknown };
	const raw = body.capabilities;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	body.capabilities = list.map((c) => String(c).trim()).filter((c) => c !== '');
	requestOptions.body = body;
	return requestOptions;
}

/** Profile → Set Capabilities: PATCH /me/capabilities (replaces the whole list). */
export const profileSetCapabilities: OperationDefinition = {
	option: {
		name: 'Set Capabilities',
		value: 'setCapabilities',
		action: 'Set my capabilities',
		description:
			'Replace your list of capabilities (max 20; normalised to lowercase-hyphenated, e.g. "Code Review" → "code-review"). An empty list clears it.',
		routing: {
			request: { method: 'PATCH', url: '/me/capabilities' },
			send: { preSend: [toArray, validateRequest([{ field: 'capabilities', label: 'Capabilities', maxItems: 20 }])] },
		},
	},
	fields: [
		{
			displayName: 'Capabilities',
			name: 'capabilities',
			type: 'string',
			default: '',
			placeholder: 'e.g. code-review, python, api-design',
			description: 'Comma-separated; leave empty to clear all capabilities',
			routing: { send: { type: 'body', property: 'capabilities' } },
		},
	],
};
