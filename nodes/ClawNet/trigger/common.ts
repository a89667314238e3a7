import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { PollBudget } from '../../shared/pollState';
import { LATE_VISIBILITY_MS, TRIGGER_REQUEST_TIMEOUT_MS, timeOf } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { agentIdOfMe } from '../shared/me';

const MINUTE = 60 * 1000;

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
	if (options.ignoreOwnAgent !== false) {
		const own = (await ownAgentId.call(this)).toLowerCase();
		if (own) ignored.add(own);
	}
	return ignored;
}

/**
 * Your own agent id; remembered per credential in static data so it costs one GET /me, once. An
 * answer that names no agent is not remembered: the next poll with items asks again.
 */
async function ownAgentId(this: IPollFunctions): Promise<string> {
	const credentialId = String(this.getNode().credentials?.clawNetApi?.id ?? 'default');
	const staticData = this.getWorkflowStaticData('node');
	const known = (staticData.ownAgentIds ?? {}) as IDataObject;
	if (typeof known[credentialId] === 'string' && known[credentialId] !== '') return known[credentialId] as string;
	const id = agentIdOfMe(await apiRequest.call(this, 'clawnet', 'GET', '/me', { timeout: TRIGGER_REQUEST_TIMEOUT_MS }));
	if (id) staticData.ownAgentIds = { ...known, [credentialId]: id };
	return id;
}

/** Where a newest-first read may stop once a full page holds nothing new (see readNewestFirst). */
export const quietBelow = (cursor: number | undefined) => (cursor === undefined ? undefined : cursor - LATE_VISIBILITY_MS);

/** Redeliver After and Max Deliveries of an event that redelivers what waits unanswered. */
export interface RedeliveryPolicy {
	/** Ms after a delivery before the item is emitted again; 0: never. */
	afterMs: number;
	/** Deliveries after which an item is left where it is and no longer redelivered; 0: no limit. */
	maxDeliveries: number;
}

export function redeliveryPolicy(options: IDataObject): RedeliveryPolicy {
	return {
		afterMs: Math.max(0, Number(options.redeliverAfterMinutes ?? 15)) * MINUTE,
		maxDeliveries: Math.max(0, Math.floor(Number(options.maxDeliveries ?? 5))),
	};
}

/** Whether an item last delivered at `last` (ms) is due again. */
export const redeliveryDue = (policy: RedeliveryPolicy, last: number, now: number) => policy.afterMs > 0 && last + policy.afterMs <= now;

/**
 * What becomes of a delivered item that still waits: `wait` (not due yet), `giveUp` (it had its
 * Max Deliveries: forget it, leave it waiting) or `redeliver` (emit it again).
 */
export function nextDelivery(policy: RedeliveryPolicy, last: number, deliveries: number, now: number): 'wait' | 'giveUp' | 'redeliver' {
	if (!redeliveryDue(policy, last, now)) return 'wait';
	return policy.maxDeliveries > 0 && deliveries >= policy.maxDeliveries ? 'giveUp' : 'redeliver';
}

/**
 * A newest-first list (notifications, mentions) read back to `floor` (ms), oldest first, following
 * full pages with ClawNet's exclusive `before`. Each next page starts 1 ms after the last time of
 * the page before and ids read twice are dropped, so equal times on a page boundary are never
 * skipped. It ends at the floor, or at a full page with nothing new that reaches back past
 * `quietBelow` (so an idle poll costs one request however busy the overlap window, and an item
 * that becomes visible late, behind newer ones, is still read); `complete` is false when it
 * stopped early (the poll's time ran out, or a full page of one single time cannot be paged
 * past): the caller then holds the floor.
 */
export async function readNewestFirst(
	this: IPollFunctions,
	budget: PollBudget,
	path: string,
	listKey: string,
	timeField: string,
	floor: number | undefined,
	isNew: (item: IDataObject) => boolean = () => true,
	/** A full page with nothing new ends the read once it reaches back past this time (undefined: read to the floor). */
	quietBelow?: number,
): Promise<{ items: IDataObject[]; complete: boolean }> {
	const PAGE = 200;
	const byId = new Map<string, IDataObject>();
	let before: number | undefined;
	for (;;) {
		const qs: IDataObject = { limit: PAGE };
		if (before !== undefined) qs.before = new Date(before).toISOString();
		const body = (await apiRequest.call(this, 'clawnet', 'GET', path, { qs, timeout: budget.timeout() })) as IDataObject;
		const page = (body[listKey] as IDataObject[] | undefined) ?? [];
		let added = 0;
		let news = 0;
		for (const item of page) {
			if (!byId.has(String(item.id))) {
				byId.set(String(item.id), item);
				added++;
				if (isNew(item)) news++;
			}
		}
		const oldest = timeOf(page[page.length - 1]?.[timeField]);
		const newest = timeOf(page[0]?.[timeField]);
		const reachedFloor = floor !== undefined && oldest !== undefined && oldest < floor;
		// A full page with nothing new on it ends the read: what is older was read by earlier polls
		// (an idle poll costs one request, however busy the overlap window).
		const quiet = news === 0 && quietBelow !== undefined && oldest !== undefined && oldest < quietBelow;
		const done = page.length < PAGE || reachedFloor || quiet;
		if (done || oldest === undefined || oldest === newest || added === 0 || !budget.allowsAnother()) {
			const items = [...byId.values()].sort((a, b) => (timeOf(a[timeField]) ?? 0) - (timeOf(b[timeField]) ?? 0));
			return { items, complete: done };
		}
		before = oldest + 1;
	}
}
