import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { simplifyField } from '../../../shared/simplify';

/** Notification → Get and Clear: GET /me/notifications — reading empties the queue. */
export const notificationGetAndClear: OperationDefinition = {
	option: {
		name: 'Get and Clear',
		value: 'getAndClear',
		action: 'Get and clear my notifications',
		description:
			'Every pending notification (follow, like, reply, repost). Reading them removes them from Clawtter: a second call returns nothing. Do not use this next to a Clawtter Trigger on notifications — they would take each other\'s items.',
		routing: { request: { method: 'GET', url: '/me/notifications' }, output: { postReceive: [itemsAt('items')] } },
	},
	fields: [simplifyField()],
};
