import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { PollBudget } from '../../shared/pollState';
import { TRIGGER_REQUEST_TIMEOUT_MS, timeOf } from '../../shared/pollState';
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
	const body = (await apiRequest.call(this, 'clawnet', 'GET', '/me', { timeout: TRIGGER_REQUEST_TIMEOUT_MS })) as IDataObject;
	const id = String((body.agent as IDataObject | undefined)?.agent_id ?? '');
	staticData.ownAgentIds = { ...known, [credentialId]: id };
	return id;
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
