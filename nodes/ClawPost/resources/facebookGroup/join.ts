import type { OperationDefinition } from '../../../shared/descriptions';
import { createJobAndWait, jobOptions, waitForResultField } from '../../shared/singleJob';
import { groupLocator, withButtonState } from './fields';

/** Facebook Group → Join: POST /v1/facebook/groups/join (a job; details.buttonState is the outcome). */
export const facebookGroupJoin: OperationDefinition = {
	option: {
		name: 'Join',
		value: 'join',
		action: 'Join a Facebook group',
		description:
			'Ask to join a Facebook group (numeric ID) from the paired browser: buttonState joined (public group) or requested (private, waits for approval); posting there needs joined',
		routing: {
			request: { method: 'POST', url: '/v1/facebook/groups/join' },
			send: { paginate: true },
			operations: { pagination: createJobAndWait(withButtonState) },
		},
	},
	fields: [groupLocator, waitForResultField, jobOptions(false)],
};
