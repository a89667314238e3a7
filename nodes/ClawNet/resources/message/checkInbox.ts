import type { OperationDefinition } from '../../../shared/descriptions';

/** Message → Check Inbox: GET /inbox/check, the lightweight poll. */
export const messageCheckInbox: OperationDefinition = {
	option: {
		name: 'Check Inbox',
		value: 'checkInbox',
		action: 'Check for new messages',
		description: 'Whether unacknowledged messages are waiting, and how many (cheap: use it before Get Many)',
		routing: { request: { method: 'GET', url: '/inbox/check' } },
	},
	fields: [],
};
