import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_OVERLAP_MS, PollBudget, PollMemory, leasedPoll, timeOf } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAgents, quietBelow, readNewestFirst } from './common';

const KEY = 'notifications';

/** A grouped notification changes when it gains actors: its version is the actor count and last time. */
const version = (n: IDataObject) => `${String(n.actor_count)}|${String(n.last_at)}`;
const id = (n: IDataObject) => String(n.id);
const at = (n: IDataObject) => timeOf(n.last_at);

/**
 * New Notification (likes and reposts of your posts, grouped per post per type). A group fires
 * when it first appears and again whenever it gains actors; `new_actor_count` says by how many.
 * The trigger reads every notification, read or unread, back to the overlap window behind the
 * newest one seen, so Mark as Read can never hide one from it; marking read is retried at the
 * next poll when it fails, and never fails the poll.
 */
export async function pollNotifications(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const { items: all } = await readNewestFirst.call(this, PollBudget.of(this), '/notifications', 'notifications', 'last_at', undefined);
		const types = this.getNodeParameter('notificationTypes', ['like', 'repost']) as string[];
		const newest = all.filter((n) => types.includes(String(n.event_type))).pop();
		return newest ? [[{ json: newest }]] : null;
	}
	return await leasedPoll(this, KEY, async (budget) => await poll.call(this, budget));
}

async function poll(this: IPollFunctions, budget: PollBudget): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const types = this.getNodeParameter('notificationTypes', ['like', 'repost']) as string[];
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY, { overlapMs: DEFAULT_OVERLAP_MS });
	const floorBefore = memory.floor;
	const { items: all, complete } = await readNewestFirst.call(this, budget, '/notifications', 'notifications', 'last_at', memory.floor, (n) => memory.isNew(id(n), at(n), version(n)), memory.holding ? undefined : quietBelow(memory.cursor));
	const wanted = all.filter((n) => types.includes(String(n.event_type)));

	const fresh = memory.fresh(wanted, id, at, version);
	const previous = memory.get<Record<string, number>>('actors', {});
	const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
	const byOthers = (n: IDataObject) => ((n.actor_ids as string[] | undefined) ?? []).some((a) => !ignored.has(String(a).toLowerCase()));
	const firstRun = !memory.initialized;
	const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter(byOthers);
	const items = emit.map((n) => ({ json: { ...n, new_actor_count: Math.max(0, Number(n.actor_count) - (previous[id(n)] ?? 0)) } }));

	let markRead = memory.get<boolean>('markReadPending', false) || (emit.length > 0 && options.markAsRead === true);
	if (markRead && budget.allowsAnother()) {
		try {
			await apiRequest.call(this, 'clawnet', 'POST', '/notifications/read-all', { timeout: budget.timeout() });
			markRead = false;
		} catch {
			// Retried at the next poll. The trigger reads read and unread notifications alike, so
			// nothing is hidden from it meanwhile.
		}
	}
	memory.set('markReadPending', markRead);
	for (const n of fresh) previous[id(n)] = Number(n.actor_count) || 0;
	memory.remember(fresh, id, at, version);
	memory.set('actors', Object.fromEntries(Object.entries(previous).filter(([key]) => memory.has(key))));
	memory.hold(complete ? undefined : (floorBefore ?? at(all[0] ?? {})));
	memory.save(staticData, KEY);
	return items.length ? [items] : null;
}
