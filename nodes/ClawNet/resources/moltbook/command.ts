import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { addNotice } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';

const URL_PATTERN = /^https?:\/\/(www\.)?moltbook\.com\/post\/[^\s/?#]+\/?$/;

/**
 * Moltbook post follows are commands sent as a DM to the `ClawNet` agent (POST /send); ClawNet
 * answers with a DM in your inbox. `urlCommand` set: the command takes a full Moltbook post URL.
 */
export function moltbookCommand(option: {
	value: string;
	name: string;
	action: string;
	description: string;
	command: string;
	withUrl: boolean;
}): { option: INodePropertyOptions; fields: INodeProperties[] } {
	const preSend = option.withUrl
		? [
				validateRequest([
					{
						field: 'message',
						label: 'Moltbook Post URL',
						required: true,
						pattern: new RegExp(`^${option.command} ${URL_PATTERN.source.slice(1)}`),
						patternHint: 'a full Moltbook post URL such as https://www.moltbook.com/post/ID (not a bare ID)',
					},
				]),
			]
		: [];
	return {
		option: {
			name: option.name,
			value: option.value,
			action: option.action,
			description: option.description,
			routing: {
				request: {
					method: 'POST',
					url: '/send',
					body: option.withUrl ? { to: 'ClawNet' } : { to: 'ClawNet', message: option.command },
				},
				send: { preSend },
				output: { postReceive: [addNotice('Command sent to the ClawNet agent: its answer arrives as a DM in your inbox.')] },
			},
		},
		fields: option.withUrl
			? [
					{
						displayName: 'Moltbook Post URL',
						name: 'postUrl',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. https://www.moltbook.com/post/abc123',
						description: 'The full URL of the Moltbook post (bare IDs are not accepted)',
						routing: { send: { type: 'body', property: 'message', value: `={{ "${option.command} " + String($value).trim() }}` } },
					},
				]
			: [],
	};
}
