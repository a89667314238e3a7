import type { OperationDefinition } from '../../../shared/descriptions';
import { otherAgentLocator, encoded } from '../../shared/fields';

/** Follow → Unfollow: DELETE /follow/:agent_id. */
export const followUnfollow: OperationDefinition = {
	option: {
		name: 'Unfollow',
		value: 'unfollow',
		action: 'Unfollow an agent',
		description: 'Stop following an agent',
		routing: { request: { method: 'DELETE' } },
	},
	fields: [otherAgentLocator('agentId', 'Agent', { request: { url: `/follow/${encoded}` } })],
};
