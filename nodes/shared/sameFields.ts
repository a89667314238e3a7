import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * One property for the fields several operations define alike.
 *
 * Declarative routing walks every top-level property twice per item (its request pass and its
 * base-URL pass), and resolves the item's value of a property once for every property of that
 * name, shown or not: an expression in a field that five operations define is evaluated ten times
 * per item, not twice. Fields that are the same in everything but the operation they are shown
 * for (Simplify, Limit, a Page slug, a Post ID read from the same path) become one property shown
 * for all of them, so each is walked and evaluated once per pass.
 *
 * A group is merged only when the editor cannot tell: the merged field shows for exactly the
 * operations its members showed for (resource × operation adds no other existing pair) and each
 * of those operations keeps the order of its properties — the order the editor shows them in and
 * the order routing applies their request parts and output steps. Anything else stays as it was.
 */
export function mergeSameFields(properties: INodeProperties[]): INodeProperties[] {
	const pairs = operationPairs(properties);
	let list = properties;
	// One merge at a time, each checked against the list as it is by then: two moves checked
	// against the original order alone could swap two fields of one operation.
	for (const name of new Set(list.filter((p) => mergeable(p)).map((p) => p.name))) {
		for (let merge = largestMerge(list, pairs, name); merge; merge = largestMerge(list, pairs, name)) {
			const { group, at } = merge;
			const merged = withPlace(list[at], group.map((index) => placeOf(list[index])!));
			list = list.flatMap((property, index) => (index === at ? [merged] : group.includes(index) ? [] : [property]));
		}
	}
	return list;
}

const mergeable = (property: INodeProperties) => property.name !== 'resource' && property.name !== 'operation' && placeOf(property) !== undefined;

/**
 * The largest group of not yet merged `name` fields that can become one, and where it stands:
 * tried from each member in turn (which members fit together depends on where one starts).
 */
function largestMerge(list: INodeProperties[], pairs: Set<string>, name: string): { group: number[]; at: number } | undefined {
	const indexes = list.flatMap((property, index) => (property.name === name && mergeable(property) ? [index] : []));
	let best: { group: number[]; at: number } | undefined;
	for (const start of indexes) {
		let group = [start];
		let at = start;
		for (const candidate of indexes) {
			if (candidate === start || !sameValue(withoutPlace(list[start]), withoutPlace(list[candidate]))) continue;
			const position = mergedPosition(list, pairs, [...group, candidate]);
			if (position === undefined) continue;
			group = [...group, candidate];
			at = position;
		}
		if (group.length >= 2 && group.length > (best?.group.length ?? 1)) best = { group, at };
	}
	return best;
}

/**
 * The resource/operation pairs a property shows for, when that is all its display rule says (no
 * other condition, no hide rule); undefined otherwise.
 */
export function shownOnlyFor(property: INodeProperties): string[] | undefined {
	const show = property.displayOptions?.show ?? {};
	if (property.displayOptions?.hide || !Object.keys(show).every((key) => key === 'resource' || key === 'operation')) return undefined;
	const resources = show.resource as string[] | undefined;
	const operations = show.operation as string[] | undefined;
	if (!resources || !operations) return undefined;
	return resources.flatMap((resource) => operations.map((operation) => `${resource}:${operation}`));
}

interface Place {
	resource: string;
	operation: string;
}

/** The one resource/operation pair a field is shown for, when its display rule is that simple. */
function placeOf(property: INodeProperties): Place | undefined {
	const show = property.displayOptions?.show;
	const resource = show?.resource;
	const operation = show?.operation;
	if (!Array.isArray(resource) || !Array.isArray(operation) || resource.length !== 1 || operation.length !== 1) return undefined;
	return { resource: String(resource[0]), operation: String(operation[0]) };
}

const placeless = new WeakMap<INodeProperties, unknown>();

/** The property without its resource/operation condition (what two fields must share to merge). */
function withoutPlace(property: INodeProperties): unknown {
	let value = placeless.get(property);
	if (value === undefined) {
		value = computeWithoutPlace(property);
		placeless.set(property, value);
	}
	return value;
}

function computeWithoutPlace(property: INodeProperties): unknown {
	const { displayOptions, ...rest } = property;
	const { show, ...otherRules } = displayOptions as IDisplayOptions;
	const otherShow = Object.fromEntries(Object.entries(show ?? {}).filter(([key]) => key !== 'resource' && key !== 'operation'));
	return { ...rest, displayOptions: { ...otherRules, show: otherShow } };
}

function withPlace(property: INodeProperties, places: Place[]): INodeProperties {
	const resources = [...new Set(places.map((p) => p.resource))];
	const operations = [...new Set(places.map((p) => p.operation))];
	const show = property.displayOptions!.show!;
	return { ...property, displayOptions: { ...property.displayOptions, show: { ...show, resource: resources, operation: operations } } };
}

/** Every resource/operation pair the node has. */
function operationPairs(properties: INodeProperties[]): Set<string> {
	const pairs = new Set<string>();
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of property.options ?? []) if ('value' in option) pairs.add(`${resource}:${String(option.value)}`);
		}
	}
	return pairs;
}

/**
 * Whether a property can be shown for the operation (other conditions aside). A property without
 * an operation condition counts for every operation of its resources (the Operation selector,
 * whose routing comes before the fields'), one without any for every operation: routing merges
 * the shown properties' request parts and output steps in this order, so it must not change.
 */
const shownFor = (property: INodeProperties, place: Place) => {
	const show = property.displayOptions?.show ?? {};
	const resources = show.resource as string[] | undefined;
	const operations = show.operation as string[] | undefined;
	return (!resources || resources.includes(place.resource)) && (!operations || operations.includes(place.operation));
};

/**
 * Where the merged field of `group` (indexes into `properties`) can stand, or undefined when it
 * cannot: it would show for an existing operation none of the members showed for, or no member's
 * position keeps every member operation's field order.
 */
function mergedPosition(properties: INodeProperties[], pairs: Set<string>, group: number[]): number | undefined {
	const places = group.map((index) => placeOf(properties[index])!);
	const own = new Set(places.map((p) => `${p.resource}:${p.operation}`));
	for (const resource of new Set(places.map((p) => p.resource))) {
		for (const operation of new Set(places.map((p) => p.operation))) {
			const pair = `${resource}:${operation}`;
			if (pairs.has(pair) && !own.has(pair)) return undefined;
		}
	}
	return group.find((candidate) =>
		group.every((member, k) => {
			const [from, to] = member < candidate ? [member, candidate] : [candidate, member];
			for (let i = from + 1; i < to; i++) if (shownFor(properties[i], places[k])) return false;
			return true;
		}),
	);
}

/** Deep equality of description values (plain data; functions only when they are the same one). */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
