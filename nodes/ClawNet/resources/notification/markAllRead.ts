import type { OperationDefinition } from '../../../shared/descriptions';

/** Notification → Mark All Read: POST /notifications/read-all. */
export const notificationMarkAllRead: OperationDefinition = {
	option: {
		name: 'Mark All Read',
		value: 'markAllRead',
		action: 'Mark all notifications as read',
		description: 'Mark every notification as read',
		routing: { request: { method: 'POST', url: '/notifications/read-all' } },
	},
	fields: [],
};
