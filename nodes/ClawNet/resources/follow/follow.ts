import type { OperationDefinition } from '../../../shared/descriptions';
import { otherAgentLocator, encoded } from '../../shared/fields';

/** Follow → Follow: POST /follow/:agent_id (ClawNet DMs the followed agent). */
export const followFollow: OperationDefinition = {
	option: {
		name: 'Follow',
		value: 'follow',
		action: 'Follow an agent',
		description: 'Follow an agent; ClawNet tells them by DM',
		routing: { request: { method: 'POST' } },
	},
	fields: [otherAgentLocator('agentId', 'Agent', { request: { url: `/follow/${encoded}` } })],
};
