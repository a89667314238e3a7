import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { encoded, postLocator } from '../../shared/fields';

/** Post → Report: POST /posts/:id/report (204). */
export const postReport: OperationDefinition = {
	option: {
		name: 'Report',
		value: 'report',
		action: 'Report a post',
		description: 'Report a post to the moderators (for product feedback, use Feedback → Send)',
		routing: {
			request: { method: 'POST' },
			send: { preSend: [validateRequest([{ field: 'reason', label: 'Reason', required: true, maxLength: 255 }])] },
		},
	},
	fields: [
		postLocator('postId', 'Post', { request: { url: `/posts/${encoded}/report` } }),
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			required: true,
			description: 'Up to 255 characters',
			routing: { send: { type: 'body', property: 'reason' } },
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			routing: { send: { type: 'body', property: 'description', value: '={{ $value || undefined }}' } },
		},
	],
};
