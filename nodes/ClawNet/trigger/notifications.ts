import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollMemory } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAgents } from './common';

const KEY = 'notifications';

/** A grouped notification changes when it gains actors: its version is the actor count and last time. */
const version = (n: IDataObject) => `${String(n.actor_count)}|${String(n.last_at)}`;
const id = (n: IDataObject) => String(n.id);

/**
 * New Notification (likes and reposts of your posts, grouped per post per type). A group fires
 * when it first appears and again whenever it gains actors; `new_actor_count` says by how many.
 */
export async function pollNotifications(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const types = this.getNodeParameter('notificationTypes', ['like', 'repost']) as string[];
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY);
	const body = (await apiRequest.call(this, 'clawnet', 'GET', '/notifications', { qs: { limit: 200 } })) as IDataObject;
	// Newest first from the API; emitted oldest first.
	const all = ((body.notifications as IDataObject[] | undefined) ?? []).slice().reverse();
	const wanted = all.filter((n) => types.includes(String(n.event_type)));

	if (this.getMode() === 'manual') {
		const newest = wanted[wanted.length - 1];
		return newest ? [[{ json: newest }]] : null;
	}

	const fresh = memory.fresh(wanted, id, version);
	const previous = (staticData[KEY] as { versions?: Record<string, string> } | undefined)?.versions ?? {};
	const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
	const byOthers = (n: IDataObject) => ((n.actor_ids as string[] | undefined) ?? []).some((a) => !ignored.has(String(a).toLowerCase()));
	const firstRun = !memory.initialized;
	const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter(byOthers);

	memory.remember(fresh, id, version);
	memory.save(staticData, KEY);
	if (emit.length && options.markAsRead === true) await apiRequest.call(this, 'clawnet', 'POST', '/notifications/read-all');
	return emit.length
		? [
				emit.map((n) => {
					const before = Number(String(previous[id(n)] ?? '0|').split('|')[0]) || 0;
					return { json: { ...n, new_actor_count: Math.max(0, Number(n.actor_count) - before) } };
				}),
			]
		: null;
}
