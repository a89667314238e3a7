/**
 * sameFields.ts: fields several operations define alike become one property. The editor and
 * routing must not be able to tell — every operation shows the same fields, in the same order,
 * with the same routing — and fields that only look alike, or whose merge would show them for
 * another operation or reorder them, stay apart.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { ClawNet } from '../../nodes/ClawNet/ClawNet.node';
import { mergeSameFields } from '../../nodes/shared/sameFields';

const field = (name: string, resource: string, operation: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	displayOptions: { show: { resource: [resource], operation: [operation] } },
	...extra,
});
const operations = (resource: string, values: string[]): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	default: values[0],
	displayOptions: { show: { resource: [resource] } },
	options: values.map((value) => ({ name: value, value })),
});

/** Every resource/operation pair of a property list, and the properties shown for it, in order. */
function shownPerOperation(properties: INodeProperties[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const property of properties.filter((p) => p.name === 'operation')) {
		for (const resource of property.displayOptions!.show!.resource as string[]) {
			for (const option of property.options as Array<{ value: string }>) {
				const shown = properties.filter((p) => {
					const show = p.displayOptions?.show ?? {};
					return (!show.resource || (show.resource as string[]).includes(resource)) && (!show.operation || (show.operation as string[]).includes(option.value));
				});
				out.set(`${resource}:${option.value}`, shown.map(signature));
			}
		}
	}
	return out;
}

/** A property as the editor and routing use it, its resource/operation condition aside (functions by name). */
function signature(property: INodeProperties): string {
	const { displayOptions, ...rest } = property;
	const show = Object.fromEntries(Object.entries(displayOptions?.show ?? {}).filter(([k]) => k !== 'resource' && k !== 'operation'));
	return JSON.stringify({ ...rest, show }, (_, v) => (typeof v === 'function' ? `fn ${v.name}` : v));
}

/** The node's properties as written: the node module loaded again with the merge turned off. */
function unmerged(load: () => INodeType): INodeProperties[] {
	let properties: INodeProperties[] = [];
	jest.isolateModules(() => {
		jest.doMock('../../nodes/shared/sameFields', () => ({
			...jest.requireActual<typeof import('../../nodes/shared/sameFields')>('../../nodes/shared/sameFields'),
			mergeSameFields: (list: INodeProperties[]) => list,
		}));
		properties = load().description.properties;
	});
	jest.dontMock('../../nodes/shared/sameFields');
	return properties;
}

describe('the three nodes', () => {
	/* eslint-disable @typescript-eslint/no-require-imports -- loaded again inside isolateModules */
	const nodes: Array<[string, () => INodeType]> = [
		['ClawNet', () => new (require('../../nodes/ClawNet/ClawNet.node') as typeof import('../../nodes/ClawNet/ClawNet.node')).ClawNet()],
		['Clawtter', () => new (require('../../nodes/Clawtter/Clawtter.node') as typeof import('../../nodes/Clawtter/Clawtter.node')).Clawtter()],
		['Claw Post', () => new (require('../../nodes/ClawPost/ClawPost.node') as typeof import('../../nodes/ClawPost/ClawPost.node')).ClawPost()],
	];
	/* eslint-enable @typescript-eslint/no-require-imports */

	test.each(nodes)('%s: every operation shows the same properties in the same order as without the merge', (_, load) => {
		const merged = load().description.properties;
		const original = unmerged(load);
		expect(original.length).toBeGreaterThan(merged.length); // something was merged
		const before = shownPerOperation(original);
		const after = shownPerOperation(merged);
		expect([...after.keys()]).toEqual([...before.keys()]);
		const differing = [...before.keys()].filter((pair) => JSON.stringify(before.get(pair)) !== JSON.stringify(after.get(pair)));
		expect(differing).toEqual([]);
	});

	test('ClawNet walks fewer top-level properties per pass than it defines', () => {
		expect({ merged: new ClawNet().description.properties.length, unmerged: unmerged(nodes[0][1]).length }).toEqual({ merged: 139, unmerged: 182 });
	});
});

describe('what stays apart', () => {
	test('fields that differ in anything but where they show', () => {
		const list = [operations('a', ['x', 'y']), field('id', 'a', 'x'), field('id', 'a', 'y', { description: 'another' })];
		expect(mergeSameFields(list)).toEqual(list);
	});

	test('a merge that would show the field for an operation none of them had (resource × operation)', () => {
		// a:x and b:y share the field; a merged one would also show for the existing a:y.
		const list = [operations('a', ['x', 'y']), operations('b', ['y']), field('id', 'a', 'x'), field('id', 'b', 'y')];
		expect(mergeSameFields(list)).toEqual(list);
		// Without a:y the merge is safe.
		const safe = [operations('a', ['x']), operations('b', ['y']), field('id', 'a', 'x'), field('id', 'b', 'y')];
		expect(mergeSameFields(safe).map((p) => [p.name, p.displayOptions?.show])).toEqual([
			['operation', { resource: ['a'] }],
			['operation', { resource: ['b'] }],
			['id', { resource: ['a', 'b'], operation: ['x', 'y'] }],
		]);
	});

	test('a merge that would reorder an operation’s fields, or put one before its Operation selector', () => {
		// a:x shows id then limit; b:y shows limit then id: one id cannot keep both orders.
		const list = [operations('a', ['x']), field('id', 'a', 'x'), field('limit', 'a', 'x'), operations('b', ['y']), field('limit', 'b', 'y', { description: 'b' }), field('id', 'b', 'y')];
		expect(mergeSameFields(list)).toEqual(list);
		// b's id cannot stand before b's Operation selector: the merged field takes b's place, after it
		// (a's fields keep their order; b's selector is not shown for a).
		const selector = [operations('a', ['x']), field('id', 'a', 'x'), operations('b', ['y']), field('id', 'b', 'y')];
		expect(mergeSameFields(selector).map((p) => [p.name, p.displayOptions?.show])).toEqual([
			['operation', { resource: ['a'] }],
			['operation', { resource: ['b'] }],
			['id', { resource: ['a', 'b'], operation: ['x', 'y'] }],
		]);
	});

	test('two merges that are each fine against the original order but would swap two fields of one operation together', () => {
		// r:x shows a then b. Merging the a's puts them at s:y's a (after t:z's b); merging the b's,
		// checked against the original order only, would put them at t:z's b — before the merged a.
		const list = [
			operations('r', ['x']),
			operations('s', ['y']),
			operations('t', ['z']),
			field('a', 'r', 'x'),
			field('c', 's', 'y'),
			field('b', 't', 'z'),
			field('a', 's', 'y'),
			field('b', 'r', 'x'),
		];
		const merged = mergeSameFields(list);
		expect(merged.length).toBeLessThan(list.length);
		expect(shownPerOperation(merged)).toEqual(shownPerOperation(list));
	});
});
