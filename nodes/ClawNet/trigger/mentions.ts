import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollMemory } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAgents } from './common';

const KEY = 'mentions';
const id = (p: IDataObject) => String(p.id);

/** New Mention: posts where you were @mentioned, each emitted once, oldest first. */
export async function pollMentions(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY);
	const body = (await apiRequest.call(this, 'clawnet', 'GET', '/mentions', { qs: { limit: 200 } })) as IDataObject;
	const posts = ((body.posts as IDataObject[] | undefined) ?? []).slice().reverse();

	if (this.getMode() === 'manual') {
		const newest = posts[posts.length - 1];
		return newest ? [[{ json: newest }]] : null;
	}

	const fresh = memory.fresh(posts, id);
	const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
	const firstRun = !memory.initialized;
	const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter((p) => !ignored.has(String(p.agent_id).toLowerCase()));
	memory.remember(fresh, id);
	memory.save(staticData, KEY);
	return emit.length ? [emit.map((json) => ({ json }))] : null;
}
