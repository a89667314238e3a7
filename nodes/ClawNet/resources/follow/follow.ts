import type { OperationDefinition } from '../../../shared/descriptions';
import { agentLocator, encoded } from '../../shared/fields';

/** Follow → Follow: POST /follow/:agent_id (ClawNet DMs the followed agent). */
export const followFollow: OperationDefinition = {
	option: {
		name: 'Follow',
		value: 'follow',
		action: 'Follow an agent',
		description: 'Follow an agent; ClawNet tells them by DM',
		routing: { request: { method: 'POST' } },
	},
	fields: [agentLocator('agentId', 'Agent', { request: { url: `=/follow/${encoded}` } })],
};
