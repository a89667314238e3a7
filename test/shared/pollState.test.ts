/** The shared dedup memory of polling triggers. */
import type { IDataObject } from 'n8n-workflow';

import { PollMemory } from '../../nodes/shared/pollState';

const id = (x: { id: string }) => x.id;
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
	expect(data).toEqual({});
	expect(PollMemory.load(data, 'dm').fresh([{ id: 'a' }], id)).toHaveLength(1);
});

test('the memory is bounded: the oldest ids go first, re-seen ids move to the newest end', () => {
	const data: IDataObject = {};
	const memory = PollMemory.load(data, 'k', 3);
	memory.remember([{ id: '1' }, { id: '2' }, { id: '3' }], id);
	memory.remember([{ id: '1' }], id);
	memory.remember([{ id: '4' }], id);
	memory.save(data, 'k');
	expect((data.k as { seen: string[] }).seen).toEqual(['3', '1', '4']);
	const reloaded = PollMemory.load(restart(data), 'k', 3);
	expect(reloaded.has('2')).toBe(false);
	expect(reloaded.has('1')).toBe(true);
});

test('a changed version makes a seen item fresh again (grouped notifications gaining actors)', () => {
	const data: IDataObject = {};
	const version = (n: { id: string; actors: number }) => String(n.actors);
	const memory = PollMemory.load(data, 'n');
	memory.remember([{ id: 'like:p1', actors: 1 }], id, version);
	memory.save(data, 'n');
	const next = PollMemory.load(restart(data), 'n');
	expect(next.fresh([{ id: 'like:p1', actors: 1 }], id, version)).toHaveLength(0);
	expect(next.fresh([{ id: 'like:p1', actors: 2 }], id, version)).toHaveLength(1);
});

test('cursor survives a restart; unrelated static data is left alone', () => {
	const data: IDataObject = { other: { x: 1 } };
	const memory = PollMemory.load(data, 'posts');
	memory.setCursor('2026-11-23T00:00:00.000Z');
	memory.save(data, 'posts', new Date('2026-11-23T01:00:00Z'));
	const reloaded = PollMemory.load(restart(data), 'posts');
	expect(reloaded.cursor).toBe('2026-11-23T00:00:00.000Z');
	expect(data.other).toEqual({ x: 1 });
	expect((data.posts as { initializedAt: string }).initializedAt).toBe('2026-11-23T01:00:00.000Z');
});
