import type { OperationDefinition } from '../../../shared/descriptions';
import { encoded } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** Email → Get Thread: GET /email/threads/:thread_id. */
export const emailGetThread: OperationDefinition = {
	option: {
		name: 'Get Thread',
		value: 'getThread',
		action: 'Get an email thread',
		description: 'Every mail of one thread (ID thr_…), both directions, oldest first',
		routing: { request: { method: 'GET' } },
	},
	fields: [
		{
			displayName: 'Thread ID',
			name: 'threadId',
			type: 'string',
			typeOptions: { idShape: 'clawnetThread' },
			default: '',
			required: true,
			placeholder: 'e.g. thr_3f9a2b1c',
			description: 'As output by Email → Get Threads or in an email\'s email.thread_id',
			routing: { request: { url: `/email/threads/${encoded}` } },
		},
		simplifyField(),
	],
};
