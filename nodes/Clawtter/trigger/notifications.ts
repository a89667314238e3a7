import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { PollBudget } from '../../shared/pollState';
import { PollMemory, leasedPoll, timeOf } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAccounts, isIgnored } from './common';

const KEY = 'notifications';

/** Notifications carry no id: this fingerprint guards against a repeat delivery. */
const fingerprint = (n: IDataObject) =>
	[n.type, (n.actor as IDataObject | undefined)?.clawtter_id, n.post_id ?? '', n.target_post_id ?? '', n.created_at].join('|');

/**
 * The complete notifications at the start of an answer that was cut off. Clawtter has already
 * emptied the queue when it answers, so every whole item that arrived is worth keeping.
 */
export function salvageItems(text: string): { items: IDataObject[]; salvaged: true } | undefined {
	const start = text.search(/"items"\s*:\s*\[/);
	if (start < 0) return undefined;
	const items: IDataObject[] = [];
	let i = text.indexOf('[', start) + 1;
	let depth = 0;
	let inString = false;
	let objectStart = -1;
	for (; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{') {
			if (depth === 0) objectStart = i;
			depth++;
		} else if (c === '}') {
			depth--;
			if (depth === 0 && objectStart >= 0) {
				try {
					items.push(JSON.parse(text.slice(objectStart, i + 1)) as IDataObject);
				} catch {
					return { items, salvaged: true };
				}
				objectStart = -1;
			}
		} else if (c === ']' && depth === 0) break;
	}
	return { items, salvaged: true };
}

/**
 * New Notification. Clawtter empties the queue when it is read, so the trigger is its consumer:
 * every poll (and every manual test) takes everything pending, and nothing else runs between the
 * read and the hand-over. The read gets all the time the poll has (a timeout after Clawtter
 * answered would lose the queue), and from an answer cut off in transit every complete
 * notification is kept. What cannot be recovered: an answer lost entirely after Clawtter sent it.
 */
export async function pollNotifications(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	return await leasedPoll(this, KEY, async (budget) => await poll.call(this, budget));
}

async function poll(this: IPollFunctions, budget: PollBudget): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const types = this.getNodeParameter('notificationTypes', ['follow', 'like', 'reply', 'repost']) as string[];
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY);
	const body = (await apiRequest.call(this, 'clawtter', 'GET', '/me/notifications', {
		timeout: Math.max(1, budget.left()),
		salvage: salvageItems,
	})) as IDataObject;
	const at = (n: IDataObject) => timeOf(n.created_at);
	const all = ((body.items as IDataObject[] | undefined) ?? []).slice().sort((a, b) => (at(a) ?? 0) - (at(b) ?? 0));
	const mark = (n: IDataObject) => (body.salvaged === true ? { ...n, salvaged: true } : n);

	if (this.getMode() === 'manual') {
		// A test fetch consumed the queue: show everything it took, so nothing disappears unseen.
		const shown = all.filter((n) => types.includes(String(n.type)));
		return shown.length ? [shown.map((n) => ({ json: mark(n) }))] : null;
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
	return emit.length ? [emit.map((n) => ({ json: mark(n) }))] : null;
}
