/** The shared dedup memory of polling triggers, its budget and its lease. */
import type { IDataObject } from 'n8n-workflow';

import { PollBudget, PollMemory, timeOf, withPollLease } from '../../nodes/shared/pollState';

const id = (x: { id: string }) => x.id;
const at = (x: { at?: number }) => x.at;
const restart = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

test('fresh items are the unseen ones, in order; remembered ones are not fresh again', () => {
	const data: IDataObject = {};
	const memory = PollMemory.load(data, 'dm');
	expect(memory.initialized).toBe(false);
	const batch = [{ id: 'a' }, { id: 'b' }];
	expect(memory.fresh(batch, id)).toEqual(batch);
	memory.remember(batch, id);
	memory.save(data, 'dm');
	const next = PollMemory.load(restart(data), 'dm');
	expect(next.initialized).toBe(true);
	expect(next.fresh([{ id: 'b' }, { id: 'c' }], id)).toEqual([{ id: 'c' }]);
});

test('nothing is written until save: a failed poll leaves the memory as it was', () => {
	const data: IDataObject = {};
	const memory = PollMemory.load(data, 'dm');
	memory.remember([{ id: 'a' }], id);
	memory.set('pending', { a: 1 });
	expect(data).toEqual({});
	expect(PollMemory.load(data, 'dm').fresh([{ id: 'a' }], id)).toHaveLength(1);
});

test('untimed ids are bounded by count: the oldest go first, re-seen ids move to the newest end', () => {
	const data: IDataObject = {};
	const memory = PollMemory.load(data, 'k', { maxEntries: 3 });
	memory.remember([{ id: '1' }, { id: '2' }, { id: '3' }], id);
	memory.remember([{ id: '1' }], id);
	memory.remember([{ id: '4' }], id);
	memory.save(data, 'k');
	expect(Object.keys((data.k as { seen: object }).seen).sort()).toEqual(['1', '3', '4']);
	const reloaded = PollMemory.load(restart(data), 'k', { maxEntries: 3 });
	expect(reloaded.has('2')).toBe(false);
	expect(reloaded.has('1')).toBe(true);
});

test('timed ids: equal and late times inside the overlap window are caught, older ones are never new', () => {
	const data: IDataObject = {};
	const memory = PollMemory.load(data, 't', { overlapMs: 1000 });
	memory.remember([{ id: 'a', at: 10_000 }, { id: 'b', at: 10_000 }], id, at);
	memory.save(data, 't');
	const next = PollMemory.load(restart(data), 't', { overlapMs: 1000 });
	expect(next.cursor).toBe(10_000);
	expect(next.floor).toBe(9_000);
	// Same time as the cursor, not seen yet: new. A late one a few ms before the cursor: new.
	expect(next.fresh([{ id: 'a', at: 10_000 }, { id: 'c', at: 10_000 }, { id: 'd', at: 9_990 }], id, at).map(id)).toEqual(['c', 'd']);
	// Older than the window: never new (it was read in an earlier poll or skipped as backlog).
	expect(next.isNew('old', 8_999)).toBe(false);
	next.remember([{ id: 'e', at: 20_000 }], id, at);
	next.save(data, 't');
	const later = PollMemory.load(restart(data), 't', { overlapMs: 1000 });
	expect(later.has('a')).toBe(false); // forgotten: older than the floor
	expect(later.isNew('a', 10_000)).toBe(false);
});

test('a changed version makes a seen item fresh again (grouped notifications gaining actors)', () => {
	const data: IDataObject = {};
	const version = (n: { id: string; actors: number }) => String(n.actors);
	const memory = PollMemory.load(data, 'n');
	memory.remember([{ id: 'like:p1', actors: 1 }], id, undefined, version);
	memory.save(data, 'n');
	const next = PollMemory.load(restart(data), 'n');
	expect(next.fresh([{ id: 'like:p1', actors: 1 }], id, undefined, version)).toHaveLength(0);
	expect(next.fresh([{ id: 'like:p1', actors: 2 }], id, undefined, version)).toHaveLength(1);
});

test('trigger state and the cursor survive a restart; unrelated static data is left alone', () => {
	const data: IDataObject = { other: { x: 1 } };
	const memory = PollMemory.load(data, 'posts', { overlapMs: 0 });
	memory.remember([{ id: 'p', at: timeOf('2026-11-23T00:00:00.000Z') }], id, at);
	memory.set('toAck', ['m1']);
	memory.save(data, 'posts', new Date('2026-11-23T01:00:00Z'));
	const reloaded = PollMemory.load(restart(data), 'posts');
	expect(reloaded.cursor).toBe(Date.parse('2026-11-23T00:00:00.000Z'));
	expect(reloaded.get('toAck', [])).toEqual(['m1']);
	expect(data.other).toEqual({ x: 1 });
	expect((data.posts as { initializedAt: string }).initializedAt).toBe('2026-11-23T01:00:00.000Z');
});

test('version 1 memory (a list of ids) is read: nothing seen before is emitted again after an upgrade', () => {
	const data: IDataObject = { dm: { seen: ['m1', 'm2'], cursor: '2026-11-23T00:00:00.000Z', initializedAt: '2026-11-01T00:00:00.000Z' } };
	const memory = PollMemory.load(data, 'dm', { overlapMs: 60_000 });
	expect(memory.initialized).toBe(true);
	expect(memory.fresh([{ id: 'm1', at: Date.parse('2026-11-23T00:00:00.000Z') }, { id: 'm3', at: Date.parse('2026-11-23T00:00:01.000Z') }], id, at).map(id)).toEqual(['m3']);
});

test('timeOf reads ISO dates, unix seconds and unix milliseconds', () => {
	expect(timeOf('2026-11-23T00:00:00.000Z')).toBe(Date.parse('2026-11-23T00:00:00.000Z'));
	expect(timeOf(1_790_000_000)).toBe(1_790_000_000_000);
	expect(timeOf('1790000000123')).toBe(1_790_000_000_123);
	expect(timeOf(undefined)).toBeUndefined();
	expect(timeOf('not a date')).toBeUndefined();
});

test('a poll that overlaps a running one of the same node does nothing; the lease is released after', async () => {
	const data: IDataObject = {};
	let release!: () => void;
	const first = withPollLease(data, 'dm', 60_000, async () => await new Promise<string>((resolve) => (release = () => resolve('first'))), 'busy');
	expect(await withPollLease(data, 'dm', 60_000, async () => 'second', 'busy')).toBe('busy');
	release();
	expect(await first).toBe('first');
	expect(await withPollLease(data, 'dm', 60_000, async () => 'third', 'busy')).toBe('third');
	// A lease left behind by a crash expires on its own.
	data['dm:lease'] = { token: 'dead', until: Date.now() - 1 };
	expect(await withPollLease(data, 'dm', 60_000, async () => 'after crash', 'busy')).toBe('after crash');
});

test('the poll budget bounds each request timeout by what is left', () => {
	const budget = new PollBudget(5_000, 20_000);
	expect(budget.timeout()).toBeLessThanOrEqual(5_000);
	expect(budget.allowsAnother()).toBe(false);
	expect(new PollBudget(60_000, 20_000).timeout()).toBe(20_000);
});
