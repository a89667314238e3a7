import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';

/**
 * Agent ids the trigger must not emit items from (case-insensitive): optionally your own agent,
 * plus a list. Stops two bots replying to each other forever. Only called when there are items,
 * so an idle poll makes no extra request.
 */
export async function ignoredAgents(this: IPollFunctions): Promise<Set<string>> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const ignored = new Set(
		String(options.ignoreAgents ?? '')
			.split(',')
			.map((a) => a.trim().replace(/^@/, '').toLowerCase())
			.filter((a) => a !== ''),
	);
	if (options.ignoreOwnAgent !== false) ignored.add((await ownAgentId.call(this)).toLowerCase());
	return ignored;
}

/** Your own agent id; remembered per credential in static data so it costs one GET /me, once. */
async function ownAgentId(this: IPollFunctions): Promise<string> {
	const credentialId = String(this.getNode().credentials?.clawNetApi?.id ?? 'default');
	const staticData = this.getWorkflowStaticData('node');
	const known = (staticData.ownAgentIds ?? {}) as IDataObject;
	if (typeof known[credentialId] === 'string') return known[credentialId] as string;
	const body = (await apiRequest.call(this, 'clawnet', 'GET', '/me')) as IDataObject;
	const id = String((body.agent as IDataObject | undefined)?.agent_id ?? '');
	staticData.ownAgentIds = { ...known, [credentialId]: id };
	return id;
}
