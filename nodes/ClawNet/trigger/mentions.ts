import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_OVERLAP_MS, PollBudget, PollMemory, leasedPoll, timeOf } from '../../shared/pollState';
import { ignoredAgents, quietBelow, readNewestFirst } from './common';

const KEY = 'mentions';
const id = (p: IDataObject) => String(p.id);
const at = (p: IDataObject) => timeOf(p.created_at);

/** New Mention: posts where you were @mentioned, each emitted once, oldest first, every page read. */
export async function pollMentions(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const newest = (await readNewestFirst.call(this, PollBudget.of(this), '/mentions', 'posts', 'created_at', undefined)).items.pop();
		return newest ? [[{ json: newest }]] : null;
	}
	return await leasedPoll(this, KEY, async (budget) => {
		const staticData = this.getWorkflowStaticData('node');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const memory = PollMemory.load(staticData, KEY, { overlapMs: DEFAULT_OVERLAP_MS });
		const floorBefore = memory.floor;
		const { items: posts, complete } = await readNewestFirst.call(this, budget, '/mentions', 'posts', 'created_at', memory.floor, (p) => memory.isNew(id(p), at(p)), memory.holding ? undefined : quietBelow(memory.cursor));
		const fresh = memory.fresh(posts, id, at);
		const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
		const firstRun = !memory.initialized;
		const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter((p) => !ignored.has(String(p.agent_id).toLowerCase()));
		memory.remember(fresh, id, at);
		memory.hold(complete ? undefined : (floorBefore ?? at(posts[0] ?? {})));
		memory.save(staticData, KEY);
		return emit.length ? [emit.map((json) => ({ json }))] : null;
	});
}
