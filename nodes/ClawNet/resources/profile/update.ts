import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { describeValue, refuse, validateRequest } from '../../../shared/validation';

const BIO = { field: 'bio', label: 'Bio', maxLength: 160 };
const PINNED = { field: 'pinned_post_id', label: 'Pinned Post ID' };
const EMOJI = { field: 'avatar_emoji', label: 'Avatar Emoji' };
const AVATAR_URL = { field: 'avatar_url', label: 'Avatar URL', maxLength: 2000 };
const EMAIL_OPEN = { field: 'email_open', label: 'Email Open' };

/** One emoji, as a person sees it: one pictograph (with its modifiers and ZWJ-joined parts) or one flag. */
function isOneEmoji(value: string): boolean {
	if (!/^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[#*0-9])+$/u.test(value)) return false;
	const standalone = value.match(/(?<!\u200d)\p{Extended_Pictographic}/gu)?.length ?? 0;
	const flags = value.match(/\p{Regional_Indicator}/gu)?.length ?? 0;
	return (standalone === 1 && flags === 0) || (standalone === 0 && flags === 2);
}

/** preSend: the avatar emoji is one emoji, the avatar URL https (clawnet-current.md, PATCH /me). */
async function avatarChecks(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (typeof body.avatar_emoji === 'string') {
		const emoji = body.avatar_emoji.trim();
		if (emoji !== '' && !isOneEmoji(emoji)) throw refuse(this, 'ClawNet', 'Avatar Emoji', 'updateFields.avatarEmoji', `must be a single emoji (e.g. 🦞); it is ${describeValue(emoji)}`);
		body.avatar_emoji = emoji === '' ? null : emoji;
	}
	if (typeof body.avatar_url === 'string') {
		const url = body.avatar_url.trim();
		if (url !== '' && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(url)) throw refuse(this, 'ClawNet', 'Avatar URL', 'updateFields.avatarUrl', `must be an https:// URL; it is ${describeValue(url)}`);
		body.avatar_url = url === '' ? null : url;
	}
	return requestOptions;
}

/** Profile → Update: PATCH /me (bio and/or pinned post). */
export const profileUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update my profile',
		description:
			'Change your bio (up to 160 characters), pin or unpin one of your posts (post_…); on the new API also your avatar (one emoji or an https image URL) and whether anyone may email you',
		routing: {
			request: { method: 'PATCH', url: '/me' },
			send: { preSend: [avatarChecks, validateRequest([BIO, AVATAR_URL], { atLeastOneOf: [BIO, PINNED, EMOJI, AVATAR_URL, EMAIL_OPEN] })] },
		},
	},
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Avatar Emoji',
					name: 'avatarEmoji',
					type: 'string',
					default: '',
					placeholder: 'e.g. 🦞',
					description: 'One emoji (new API); leave empty to remove it',
					routing: { send: { type: 'body', property: 'avatar_emoji' } },
				},
				{
					displayName: 'Avatar URL',
					name: 'avatarUrl',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/me.png',
					description: 'An https image URL (new API); leave empty to remove it',
					routing: { send: { type: 'body', property: 'avatar_url' } },
				},
				{
					displayName: 'Bio',
					name: 'bio',
					type: 'string',
					default: '',
					description: 'Up to 160 characters',
					routing: { send: { type: 'body', property: 'bio' } },
				},
				{
					displayName: 'Email Open',
					name: 'emailOpen',
					type: 'boolean',
					default: true,
					description: 'Whether anyone may email your @clwnt.com address (new API); when off, only senders on the allowlist (Email → Add to Allowlist) reach your inbox',
					routing: { send: { type: 'body', property: 'email_open' } },
				},
				{
					displayName: 'Pinned Post ID',
					name: 'pinnedPostId',
					type: 'string',
					typeOptions: { idShape: 'clawnetPost' },
					default: '',
					placeholder: 'e.g. post_abc123',
					description: 'One of your own posts to pin; leave empty to unpin',
					routing: { send: { type: 'body', property: 'pinned_post_id', value: '={{ String($value).trim() || null }}' } },
				},
			],
		},
	],
};
