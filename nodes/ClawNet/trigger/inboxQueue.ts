import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_OVERLAP_MS, PollBudget, PollMemory, leasedPoll, timeOf } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { ignoredAgents, nextDelivery, redeliveryDue, redeliveryPolicy } from './common';

const PAGE = 200;

/** An emitted message not yet known to be acknowledged: [created_at ms, last emitted ms, deliveries]. */
type Pending = Record<string, [number, number, number]>;

const id = (m: IDataObject) => String(m.id);
const at = (m: IDataObject) => timeOf(m.created_at);
const iso = (ms: number) => new Date(ms).toISOString();

interface InboxRead {
	/** Unacknowledged messages from `from` on, oldest first, each once. */
	messages: IDataObject[];
	/** Every unacknowledged message created before this time (ms) and from `from` on is in `messages`. */
	coveredUntil: number;
}

/**
 * Unacknowledged messages created at `from` (ms) or later, oldest first, following full pages.
 * ClawNet's `since` is exclusive, so each next page starts 1 ms before the last time of the page
 * before and the ids read twice are dropped: equal times on a page boundary are never skipped.
 * A full page of one single time cannot be paged past; the rest comes once those are acknowledged.
 */
async function readInbox(this: IPollFunctions, source: InboxSource, budget: PollBudget, from: number | undefined): Promise<InboxRead> {
	const byId = new Map<string, IDataObject>();
	let since = from === undefined ? undefined : from - 1;
	for (;;) {
		const qs: IDataObject = { ...source.query, limit: PAGE };
		if (since !== undefined) qs.since = iso(since);
		const body = (await apiRequest.call(this, 'clawnet', 'GET', '/inbox', { qs, timeout: budget.timeout() })) as IDataObject;
		const page = (body.messages as IDataObject[] | undefined) ?? [];
		let added = 0;
		for (const m of page) {
			if (!byId.has(id(m))) {
				byId.set(id(m), m);
				added++;
			}
		}
		const first = at(page[0] ?? {});
		const last = at(page[page.length - 1] ?? {});
		if (page.length < PAGE) return { messages: [...byId.values()], coveredUntil: Infinity };
		if (last === undefined || first === last || added === 0 || !budget.allowsAnother()) {
			return { messages: [...byId.values()], coveredUntil: last ?? -Infinity };
		}
		since = last - 1;
	}
}

/**
 * A queue in the ClawNet inbox, read by a trigger: direct messages (the reference's API) or email
 * (the April-2026 API). Both are oldest first with an exclusive `since`, counted by `/inbox/check`,
 * and leave the queue when acknowledged (a DM) or marked read (an email).
 */
export interface InboxSource {
	/** Where the memory lives in static data. */
	key: string;
	/** Query parameters that select this queue in `GET /inbox`. */
	query: IDataObject;
	/** How many items of this queue wait, from `/inbox/check`. */
	countOf: (check: IDataObject) => number;
	/** A message for the user when `/inbox/check` shows the account speaks the other API. */
	wrongApi: (check: IDataObject) => string | undefined;
	/** Takes items out of the queue; answers the ids that are done (or gone). */
	acknowledge: (this: IPollFunctions, budget: PollBudget, ids: string[]) => Promise<Set<string>>;
	/** The emitted item. */
	output: (message: IDataObject) => IDataObject;
	/** The sender's agent id, for Ignore Agents and Ignore My Own Agent (compared case-insensitively). */
	senderOf: (message: IDataObject) => string;
}

function output(source: InboxSource, m: IDataObject, attempt: number): INodeExecutionData {
	return { json: { ...source.output(m), redelivery: attempt > 1, delivery_attempt: attempt } };
}

/**
 * A trigger event on an inbox queue (New Direct Message, New Email). An idle poll costs one GET
 * /inbox/check, also while older items wait: the trigger keeps the count it expects and reads the
 * inbox only when the count differs or a redelivery is due.
 *
 * - Acknowledge = Never (at-least-once): emitted items are remembered as pending; one still in the
 *   queue after Redeliver After is emitted again (`redelivery: true`) until it leaves the queue.
 * - Acknowledge = After Emitting: emitted items are taken out of the queue at the start of the
 *   next poll, once n8n has recorded their emission (static data is saved when a poll hands items
 *   over); a failed acknowledgement is retried later and never fails the poll.
 */
export async function pollInboxQueue(this: IPollFunctions, source: InboxSource): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await testEvent.call(this, source);
	return await leasedPoll(this, source.key, async (budget) => await poll.call(this, source, budget));
}

/** The cheap check, refusing plainly when the account answers in the other API's shape. */
async function checkInbox(this: IPollFunctions, source: InboxSource, budget: PollBudget): Promise<IDataObject> {
	const check = (await apiRequest.call(this, 'clawnet', 'GET', '/inbox/check', { timeout: budget.timeout() })) as IDataObject;
	const wrong = source.wrongApi(check);
	if (wrong) throw new NodeOperationError(this.getNode(), wrong, { description: 'Nothing was read or acknowledged. Change the Event of this trigger.' });
	return check;
}

/** Fetch Test Event: the newest waiting message; marks nothing as seen, acknowledges nothing. */
async function testEvent(this: IPollFunctions, source: InboxSource): Promise<INodeExecutionData[][] | null> {
	const budget = PollBudget.of(this);
	const check = await checkInbox.call(this, source, budget);
	if (!source.countOf(check)) return null;
	const { messages } = await readInbox.call(this, source, budget, undefined);
	const newest = messages[messages.length - 1];
	return newest ? [[output(source, newest, 1)]] : null;
}

async function poll(this: IPollFunctions, source: InboxSource, budget: PollBudget): Promise<INodeExecutionData[][] | null> {
	const KEY = source.key;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const ackMode = this.getNodeParameter('acknowledge', 'never') as 'never' | 'afterEmit';
	const policy = redeliveryPolicy(options);
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY, { overlapMs: DEFAULT_OVERLAP_MS });
	const pending = ackMode === 'never' ? memory.get<Pending>('pending', {}) : {};
	let toAck = memory.get<string[]>('toAck', []);
	const expected = memory.get<number>('expected', -1);

	// 1. Acknowledgements this trigger owes (emitted last time in After Emitting, or ignored messages).
	if (toAck.length) {
		const done = await source.acknowledge.call(this, budget, toAck);
		toAck = toAck.filter((m) => !done.has(m));
	}

	// 2. The cheap check.
	const count = source.countOf(await checkInbox.call(this, source, budget));
	const now = Date.now();
	const due = Object.values(pending).some(([, last]) => redeliveryDue(policy, last, now));
	const finish = (items: INodeExecutionData[], expect: number, pend: Pending) => {
		memory.set('toAck', toAck);
		memory.set('expected', expect);
		memory.set('pending', pend);
		memory.save(staticData, KEY);
		return items.length ? [items] : null;
	};
	if (count === 0) return finish([], 0, {});
	if (memory.initialized && !due && count === expected) return finish([], expected, pending);

	// 3. Read what is new (the overlap window behind the newest message seen), and, when a
	//    redelivery is due, everything from the oldest pending message on.
	const pendingTimes = Object.values(pending).map(([created]) => created);
	let from = memory.initialized ? memory.floor : undefined;
	if (due && pendingTimes.length) from = Math.min(from ?? Infinity, ...pendingTimes);
	const { messages, coveredUntil } = await readInbox.call(this, source, budget, from);

	// 4. Sort them out.
	const fresh = memory.fresh(messages, id, at);
	const firstRun = !memory.initialized;
	const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
	const isIgnored = (m: IDataObject) => ignored.has(source.senderOf(m).toLowerCase());
	const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter((m) => !isIgnored(m));
	const skippedIgnored = fresh.filter(isIgnored);
	if (options.acknowledgeIgnored !== false && skippedIgnored.length) {
		// Never emitted, so acknowledging them at once loses nothing; a failure is retried next poll.
		const done = await source.acknowledge.call(this, budget, skippedIgnored.map(id));
		toAck.push(...skippedIgnored.map(id).filter((m) => !done.has(m)));
	}

	const present = new Map(messages.map((m) => [id(m), m]));
	const redeliver: IDataObject[] = [];
	for (const [messageId, [created, last, deliveries]] of Object.entries(pending)) {
		const m = present.get(messageId);
		if (!m) {
			// Not in a read that covered its time: it was acknowledged.
			if (from !== undefined && created >= from && created < coveredUntil) delete pending[messageId];
			continue;
		}
		const next = nextDelivery(policy, last, deliveries, now);
		if (next === 'giveUp') delete pending[messageId]; // left in the inbox, no longer redelivered
		if (next !== 'redeliver') continue;
		pending[messageId] = [created, now, deliveries + 1];
		redeliver.push(m);
	}

	const items: INodeExecutionData[] = [];
	for (const m of emit) {
		if (ackMode === 'never') pending[id(m)] = [at(m) ?? now, now, 1];
		else toAck.push(id(m));
		items.push(output(source, m, 1));
	}
	for (const m of redeliver) items.push(output(source, m, pending[id(m)][2]));
	items.sort((a, b) => (at(a.json) ?? 0) - (at(b.json) ?? 0));

	memory.remember(fresh, id, at);
	// The count the next check should show if nothing new arrives: what waits now, less what is
	// about to be acknowledged (by the workflow, or by this trigger at its next poll). Unknown (-1)
	// when the read stopped early.
	const acknowledgedNow = options.acknowledgeIgnored !== false ? skippedIgnored.length - toAck.filter((m) => skippedIgnored.some((s) => id(s) === m)).length : 0;
	const leaving = (ackMode === 'never' ? emit.length + redeliver.length : 0) + toAck.length + acknowledgedNow;
	const expect = coveredUntil === Infinity ? Math.max(0, count - leaving) : -1;
	return finish(items, expect, pending);
}
