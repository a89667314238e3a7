/**
 * What an item costs is mostly expression evaluations: n8n builds a data proxy and a Luxon clock
 * for each one. This counts them through real n8n-core (not a timing). n8n's declarative routing
 * evaluates a field's expression in each of its two passes (the request pass and the base-URL
 * pass) once for every top-level property of that name, shown or not, and once more for the
 * routed read: 2 × (properties of the name) + 2 per item, 4 at best (the declarative floor). The
 * package adds nothing of its own — no credential expression, no url expression — and keeps the
 * same-named properties few (sameFields.ts). `npm run bench` measures what the counts cost.
 */
import { WorkflowExpression } from 'n8n-workflow';

import { rl, useClawNet } from './clawnet/helpers';

const c = useClawNet('a2a');

/** Every expression n8n evaluates while `run` runs, by its text. */
async function evaluations(run: () => Promise<unknown>): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const original = WorkflowExpression.prototype.resolveSimpleParameterValue;
	const spy = jest.spyOn(WorkflowExpression.prototype, 'resolveSimpleParameterValue').mockImplementation(function (this: WorkflowExpression, ...args) {
		const [value] = args;
		if (typeof value === 'string' && value.startsWith('=')) counts.set(value, (counts.get(value) ?? 0) + 1);
		return original.apply(this, args);
	});
	try {
		await run();
	} finally {
		spy.mockRestore();
	}
	return counts;
}

const ITEMS = 3;
const input = Array.from({ length: ITEMS }, (_, i) => ({ json: { i, to: 'Tom' } }));

test('Message → Send: the message expression 4 times per item (the floor); To 6 (the DM To and the Email To are different fields); nothing else', async () => {
	const message = '={{ "note " + $json.i }}';
	const to = '={{ $json.to }}';
	const counts = await evaluations(async () => {
		const { items, error } = await c.run({ resource: 'message', operation: 'send', to: rl('id', to), message }, { input });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(ITEMS);
	});
	expect((await c.sent()).map((r) => (r.body as { message: string }).message).sort()).toEqual(['note 0', 'note 1', 'note 2']);
	expect(Object.fromEntries(counts)).toEqual({ [message]: 4 * ITEMS, [to]: 6 * ITEMS });
});

test('Post → Get with a plain ID: no expression at all; from an expression: 10 per item (4 Post properties: one more would show for other operations)', async () => {
	const { id } = await c.api<{ id: string }>('POST', '/posts', 'Tom', { content: 'counted' });
	const plain = await evaluations(async () => {
		expect((await c.run({ resource: 'post', operation: 'get', postId: rl('id', id) }, { input })).error).toBeUndefined();
	});
	expect(Object.fromEntries(plain)).toEqual({});
	const expression = '={{ $json.id }}';
	const counted = await evaluations(async () => {
		expect((await c.run({ resource: 'post', operation: 'get', postId: rl('id', expression) }, { input: input.map(() => ({ json: { id } })) })).error).toBeUndefined();
	});
	expect(Object.fromEntries(counted)).toEqual({ [expression]: 10 * ITEMS });
});

test('Post → Get Many: Return All’s switch is no expression (its pagination runs in the operation’s guard); Limit evaluates its maxResults once; the Feed field its own once', async () => {
	const feed = '={{ $value === "following" ? "following" : undefined }}';
	const all = await evaluations(async () => {
		const { items, error } = await c.run({ resource: 'post', operation: 'getMany', feed: 'public', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});
	expect(Object.fromEntries(all)).toEqual({ [feed]: 1 });
	const limited = await evaluations(async () => {
		expect((await c.run({ resource: 'post', operation: 'getMany', feed: 'public', returnAll: false, limit: 2 })).items).toHaveLength(2);
	});
	expect(Object.fromEntries(limited)).toEqual({ [feed]: 1, '={{ $value }}': 1 });
});
