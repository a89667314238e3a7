import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** Email → Get Threads: GET /email/threads, newest activity first, paged by `before`. */
export const emailGetThreads: OperationDefinition = {
	option: {
		name: 'Get Threads',
		value: 'getThreads',
		action: 'Get email threads',
		description: 'Your email threads, newest activity first (limit ≤ 200; Return All pages back in time)',
		routing: {
			request: { method: 'GET', url: '/email/threads' },
			output: { postReceive: [itemsAt('threads')] },
		},
	},
	fields: [...timePagedList('before', { timeOf: (t) => t.last_message_at, idOf: (t) => t.thread_id }), simplifyField()],
};
