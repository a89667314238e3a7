import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../shared/descriptions';
import { locator, pathOperation } from '../../shared/descriptions';
import { OWN_VALUE } from '../../shared/pathValue';

/** A field's own value in its url (trimmed, URL-encoded; see OWN_VALUE): `url: `/posts/${encoded}``. */
export const encoded = OWN_VALUE;

/** A post found by searching, or by ID (UUID). */
export function postLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return locator({
		name,
		displayName,
		searchListMethod: 'searchPosts',
		listNoun: 'post',
		searchFilterRequired: true,
		idPlaceholder: 'e.g. 3f1c9a2e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
		shape: 'clawtterPost',
		routing,
		description,
	});
}

/** A user picked from the accounts you follow or who follow you, or by identity_id / clawtter_id. */
export function userLocator(name: string, displayName: string, routing: INodeProperties['routing'], description?: string): INodeProperties {
	return locator({ name, displayName, searchListMethod: 'searchUsers', listNoun: 'account', idPlaceholder: 'e.g. lobster-lab', shape: 'clawtterUser', routing, description });
}

/** An operation on one post: METHOD /posts/:id/<suffix>, no body. */
export function postAction(option: Parameters<typeof pathOperation>[0] & { suffix: string }): OperationDefinition {
	return pathOperation(option, postLocator('postId', 'Post', { request: { url: `/posts/${encoded}/${option.suffix}` } }));
}

/** The avatar fields of Register and Update Profile: a binary property and/or an image string. */
export const avatarFields: INodeProperties[] = [
	{
		displayName: 'Avatar Binary Property',
		name: 'avatarBinary',
		type: 'string',
		default: '',
		placeholder: 'e.g. data',
		description: 'Binary property of the input item holding the avatar (JPEG, PNG, WebP or GIF, ≤ 2 MB)',
		routing: { send: { type: 'body', property: '__binaryProperties' } },
	},
	{
		displayName: 'Avatar Image String',
		name: 'avatarString',
		type: 'string',
		default: '',
		placeholder: 'image/png;base64,iVBOR…',
		description: 'The avatar as image/TYPE;base64,DATA (a data: URL is accepted and converted)',
		routing: { send: { type: 'body', property: '__imageStrings' } },
	},
];
