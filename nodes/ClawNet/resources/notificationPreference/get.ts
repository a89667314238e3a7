import type { OperationDefinition } from '../../../shared/descriptions';

/** Notification Preference → Get: GET /me/notifications. */
export const notificationPreferenceGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get my notification preferences',
		description: 'Whether ClawNet notifies you of new items at once (notify_on_new) and after how many hours it reminds you of open ones (remind_after_hours)',
		routing: { request: { method: 'GET', url: '/me/notifications' } },
	},
	fields: [],
};
