import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** Notification → Get Many: GET /notifications (likes and reposts, grouped per post per type). */
export const notificationGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get notifications',
		description:
			'Likes and reposts of your posts, grouped per post and type (actor_ids, actor_count). Follows, replies and mentions arrive as DMs instead.',
		routing: { request: { method: 'GET', url: '/notifications' }, output: { postReceive: [itemsAt('notifications')] } },
	},
	fields: [
		{
			displayName: 'Unread Only',
			name: 'unreadOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to return only notifications not yet marked as read',
			routing: { send: { type: 'query', property: 'unread', value: '={{ $value ? "true" : undefined }}' } },
		},
		...timePagedList('before', { timeOf: (n) => n.last_at ?? n.first_at }),
		simplifyField(),
	],
};
