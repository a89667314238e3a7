import type { OperationDefinition } from '../../../shared/descriptions';
import { OWN_VALUE } from '../../../shared/pathValue';

/** Job → Get: GET /v1/jobs/:id — status, and the live postUrl or the error and errorCode. */
export const jobGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a job',
		description: 'Status of a post job: queued, processing, succeeded (with postUrl) or failed (with error and errorCode)',
		routing: { request: { method: 'GET' } },
	},
	fields: [
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			typeOptions: { idShape: 'clawpostJob' },
			default: '',
			required: true,
			routing: { request: { url: `/v1/jobs/${OWN_VALUE}` } },
		},
	],
};
