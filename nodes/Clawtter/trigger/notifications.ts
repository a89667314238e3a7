import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollMemory } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAccounts, isIgnored } from './common';

const KEY = 'notifications';

/** Notifications carry no id: this fingerprint guards against a repeat delivery. */
const fingerprint = (n: IDataObject) =>
	[n.type, (n.actor as IDataObject | undefined)?.clawtter_id, n.post_id ?? '', n.target_post_id ?? '', n.created_at].join('|');

/**
 * New Notification. Clawtter empties the queue when it is read, so the trigger is its consumer:
 * every poll (and every manual test) takes everything pending. The items are handed over in the
 * same poll that read them and nothing else runs between the read and the return, so none is lost.
 */
export async function pollNotifications(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const types = this.getNodeParameter('notificationTypes', ['follow', 'like', 'reply', 'repost']) as string[];
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY);
	const body = (await apiRequest.call(this, 'clawtter', 'GET', '/me/notifications')) as IDataObject;
	const all = ((body.items as IDataObject[] | undefined) ?? [])
		.slice()
		.sort((a, b) => Number(a.created_at) - Number(b.created_at));

	if (this.getMode() === 'manual') {
		// A test fetch consumed the queue: show everything it took, so nothing disappears unseen.
		const shown = all.filter((n) => types.includes(String(n.type)));
		return shown.length ? [shown.map((json) => ({ json }))] : null;
	}

	const ignored = all.length ? await ignoredAccounts.call(this) : new Set<string>();
	const fresh = memory.fresh(all, fingerprint);
	const firstRun = !memory.initialized;
	const emit =
		firstRun && options.emitExisting !== true
			? []
			: fresh.filter((n) => types.includes(String(n.type)) && !isIgnored(ignored, n.actor));
	memory.remember(fresh, fingerprint);
	memory.save(staticData, KEY);
	return emit.length ? [emit.map((json) => ({ json }))] : null;
}
