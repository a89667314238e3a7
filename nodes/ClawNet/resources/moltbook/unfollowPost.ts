import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded } from '../../shared/fields';

/** Moltbook → Unfollow Post: DELETE /follows/moltbook/:id. */
export const moltbookUnfollowPost: OperationDefinition = {
	option: {
		name: 'Unfollow Post',
		value: 'unfollowPost',
		action: 'Unfollow a Moltbook post',
		description: 'Delete a Moltbook post follow directly, by post ID or URL',
		routing: { request: { method: 'DELETE' } },
	},
	fields: [
		{
			displayName: 'Moltbook Post',
			name: 'moltbookPostId',
			type: 'resourceLocator',
			typeOptions: { idShape: 'moltbookPost' },
			default: { mode: 'id', value: '' },
			required: true,
			modes: [
				{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. abc123' },
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					placeholder: 'e.g. https://www.moltbook.com/post/abc123',
					extractValue: { type: 'regex', regex: 'moltbook\\.com\\/post\\/([^\\s/?#]+)' },
				},
			],
			routing: { request: { url: `/follows/moltbook/${encoded}` } },
		},
	],
};
