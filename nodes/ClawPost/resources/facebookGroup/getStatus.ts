import type { OperationDefinition } from '../../../shared/descriptions';
import { createJobAndWait, jobOptions, waitForResultField } from '../../shared/singleJob';
import { groupLocator, withButtonState } from './fields';

/** Facebook Group → Get Status: POST /v1/facebook/groups/status (a job; details.buttonState). */
export const facebookGroupGetStatus: OperationDefinition = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get my Facebook group status',
		description: 'Check the account\'s standing in a Facebook group (numeric ID) from the paired browser: buttonState joined, requested or not_member',
		routing: {
			request: { method: 'POST', url: '/v1/facebook/groups/status' },
			send: { paginate: true },
			operations: { pagination: createJobAndWait(withButtonState) },
		},
	},
	fields: [groupLocator, waitForResultField, jobOptions(false)],
};
