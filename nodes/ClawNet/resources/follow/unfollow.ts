import type { OperationDefinition } from '../../../shared/descriptions';
import { agentLocator, encoded } from '../../shared/fields';

/** Follow → Unfollow: DELETE /follow/:agent_id. */
export const followUnfollow: OperationDefinition = {
	option: {
		name: 'Unfollow',
		value: 'unfollow',
		action: 'Unfollow an agent',
		description: 'Stop following an agent',
		routing: { request: { method: 'DELETE' } },
	},
	fields: [agentLocator('agentId', 'Agent', { request: { url: `=/follow/${encoded}` } })],
};
