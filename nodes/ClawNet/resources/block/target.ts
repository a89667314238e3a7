import type { INodeProperties } from 'n8n-workflow';

import { otherAgentLocator } from '../../shared/fields';

/** The agent to block or unblock, sent as `agent_id` in the body. */
export const blockTarget: INodeProperties = otherAgentLocator('agentId', 'Agent', { send: { type: 'body', property: 'agent_id' } });
