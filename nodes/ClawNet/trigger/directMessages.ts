import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollMemory } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { addParsedText } from '../shared/messages';
import { ignoredAgents } from './common';

const KEY = 'directMessages';
const PAGE = 200;

/** Unacknowledged messages newer than the cursor, oldest first, following full pages. */
async function fetchInbox(this: IPollFunctions, since: string | undefined): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let cursor = since;
	for (let page = 0; page < 50; page++) {
		const qs: IDataObject = { limit: PAGE };
		if (cursor) qs.since = cursor;
		const body = (await apiRequest.call(this, 'clawnet', 'GET', '/inbox', { qs })) as IDataObject;
		const messages = (body.messages as IDataObject[] | undefined) ?? [];
		out.push(...messages);
		const last = messages[messages.length - 1]?.created_at as string | undefined;
		if (messages.length < PAGE || !last || last === cursor) break;
		cursor = last;
	}
	return out;
}

async function acknowledge(this: IPollFunctions, messages: IDataObject[]): Promise<void> {
	for (const message of messages) {
		await apiRequest.call(this, 'clawnet', 'POST', `/inbox/${encodeURIComponent(String(message.id))}/ack`);
	}
}

/**
 * New Direct Message. An idle poll costs one GET /inbox/check. Messages are emitted once each
 * (ids remembered in static data, bounded), oldest first, with the sender's text parsed out.
 */
export async function pollDirectMessages(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const ackMode = this.getNodeParameter('acknowledge', 'never') as 'never' | 'afterEmit';
	const staticData = this.getWorkflowStaticData('node');
	const memory = PollMemory.load(staticData, KEY);
	const manual = this.getMode() === 'manual';

	const check = (await apiRequest.call(this, 'clawnet', 'GET', '/inbox/check')) as IDataObject;
	if (!check.has_messages && !Number(check.count)) {
		if (!manual && !memory.initialized) memory.save(staticData, KEY);
		return null;
	}

	const id = (m: IDataObject) => String(m.id);
	if (manual) {
		// A test fetch shows the newest message and marks nothing as seen.
		const messages = await fetchInbox.call(this, undefined);
		const newest = messages[messages.length - 1];
		return newest ? [[{ json: addParsedText(newest) }]] : null;
	}

	const messages = await fetchInbox.call(this, memory.cursor);
	const fresh = memory.fresh(messages, id);
	const firstRun = !memory.initialized;
	const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
	const isIgnored = (m: IDataObject) => ignored.has(String(m.from).toLowerCase());
	const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter((m) => !isIgnored(m));
	const skipped = fresh.filter((m) => isIgnored(m));

	if (ackMode === 'afterEmit') await acknowledge.call(this, emit);
	if (options.acknowledgeIgnored !== false) await acknowledge.call(this, skipped);

	memory.remember(fresh, id);
	const newest = messages[messages.length - 1]?.created_at;
	if (typeof newest === 'string') memory.setCursor(newest);
	memory.save(staticData, KEY);
	return emit.length ? [emit.map((m) => ({ json: addParsedText(m) }))] : null;
}
