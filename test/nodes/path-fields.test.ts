/**
 * Path fields (nodes/shared/pathValue.ts): a field whose value goes into the request path is
 * routed without a url expression — its resolved value travels under a reserved query key and the
 * Resource selector's preSend moves it into the path after the input layer checked it. These tests
 * hold the layer to what the url expression did: the value trimmed and URL-encoded in the path,
 * the reserved key never on the wire, bad values refused before anything is sent.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ClawNet } from '../../nodes/ClawNet/ClawNet.node';
import { ClawPost } from '../../nodes/ClawPost/ClawPost.node';
import { Clawtter } from '../../nodes/Clawtter/Clawtter.node';
import { OWN_VALUE } from '../../nodes/shared/pathValue';
import { postModes, rl, useClawNet } from './clawnet/helpers';
import { byId, clawtterKit } from './clawtter/kit';

const c = useClawNet('a2a');
const clawtter = clawtterKit(c.t);

describe('the descriptions', () => {
	const nodes: Array<[string, INodeType]> = [['ClawNet', new ClawNet()], ['Clawtter', new Clawtter()], ['Claw Post', new ClawPost()]];

	test.each(nodes)('%s: every operation whose url holds the placeholder has exactly one field sending into it; no url is an expression of a field’s value but one', (_, node) => {
		const properties = node.description.properties;
		const shown = (p: INodeProperties, resource: string, operation: string) =>
			(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) && (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation);
		let withPlaceholder = 0;
		for (const selector of properties.filter((p) => p.name === 'operation')) {
			for (const resource of selector.displayOptions!.show!.resource as string[]) {
				for (const option of selector.options as INodePropertyOptions[]) {
					const fields = properties.filter((p) => shown(p, resource, String(option.value)));
					const urls = [option.routing?.request?.url, ...fields.map((f) => f.routing?.request?.url)].filter((u): u is string => typeof u === 'string');
					if (!urls.some((u) => u.includes(OWN_VALUE))) continue;
					withPlaceholder++;
					expect({ operation: `${resource}:${String(option.value)}`, expressions: urls.filter((u) => u.startsWith('=')) }).toEqual({ operation: `${resource}:${String(option.value)}`, expressions: [] });
					expect(fields.filter((f) => f.routing?.send?.property === OWN_VALUE).map((f) => f.routing!.send)).toEqual([{ type: 'query', property: OWN_VALUE, propertyInDotNotation: false }]);
				}
			}
		}
		expect(withPlaceholder).toBeGreaterThan(0);
		const urls = (p: INodeProperties | INodePropertyOptions): string[] => [
			...(typeof p.routing?.request?.url === 'string' ? [p.routing.request.url] : []),
			...((p as INodeProperties).options ?? []).flatMap((o) => ('routing' in o || 'options' in o ? urls(o as INodePropertyOptions) : [])),
		];
		const expressions = properties.flatMap(urls).filter((u) => u.startsWith('=') && u.includes('$value'));
		// Clawtter's topic drops a leading # as well: the one url still written as an expression.
		expect(expressions).toEqual(node instanceof Clawtter ? ['=/topics/{{ encodeURIComponent(String($value).trim().replace(/^#/, "")) }}/subscribe'] : []);
	});
});

describe('through n8n-core', () => {
	test('Post → Get in every locator mode and from an expression with spaces: the id in the path, trimmed; no query at all', async () => {
		const { id } = await c.api<{ id: string }>('POST', '/posts', 'Tom', { content: 'a post for the path layer' });
		for (const [, postId] of [...postModes(id), ['expression', rl('id', `={{ "  " + $json.id + "  " }}`)] as const]) {
			const { items, error } = await c.run({ resource: 'post', operation: 'get', postId }, { input: [{ json: { id } }] });
			expect(error).toBeUndefined();
			expect((await c.sent()).map((r) => ({ method: r.method, path: r.path, query: r.query }))).toEqual([{ method: 'GET', path: `/posts/${id}`, query: {} }]);
			expect(items[0].json.post).toMatchObject({ id });
		}
	});

	test('a value that needs encoding is encoded, not split: a Clawtter user with letters outside ASCII, @ and +', async () => {
		const { error } = await clawtter.run('user', 'getPosts', { user: byId(' @José+bot '), limit: 1 });
		expect(error?.message ?? '').not.toMatch(/before sending/);
		expect((await clawtter.requests()).map((r) => ({ path: r.path, query: r.query }))).toEqual([{ path: `/clawtters/${encodeURIComponent('@José+bot')}/posts`, query: { limit: '1' } }]);
	});

	test('hostile values: null, "..", a path — refused before sending, nothing reaches the network', async () => {
		// As a model or an upstream node delivers them: through expressions (a literal one is already
		// refused by n8n's own parameter check, before the node runs).
		for (const postId of [rl('id', '={{ null }}'), rl('id', '={{ ".." }}'), rl('id', '={{ "post_1/../../me" }}'), rl('id', '={{ "" }}')]) {
			const { error, items } = await c.run({ resource: 'post', operation: 'get', postId }, { input: [{ json: {} }] });
			expect({ postId, items }).toEqual({ postId, items: [] });
			expect(error?.message).toMatch(/^Post \(postId\) .*Refused by the node before sending/s);
			await c.expectNothingSent();
		}
	});

	test('two items, two paths: the reserved key of one item never reaches the other', async () => {
		const a = await c.api<{ id: string }>('POST', '/posts', 'Tom', { content: 'first' });
		const b = await c.api<{ id: string }>('POST', '/posts', 'Tom', { content: 'second' });
		const { items } = await c.run({ resource: 'post', operation: 'get', postId: rl('id', '={{ $json.id }}') }, { input: [{ json: { id: a.id } }, { json: { id: b.id } }] });
		expect((await c.sent()).map((r) => ({ path: r.path, query: r.query })).sort((x, y) => x.path.localeCompare(y.path))).toEqual(
			[{ path: `/posts/${a.id}`, query: {} }, { path: `/posts/${b.id}`, query: {} }].sort((x, y) => x.path.localeCompare(y.path)),
		);
		expect(items.map((i) => [(i.json.post as { id: string }).id, i.pairedItem])).toEqual([[a.id, { item: 0 }], [b.id, { item: 1 }]]);
	});
});

test('a UUID in capitals (as some tools print them) is not blocked by the editor’s check: n8n drops the pattern’s i flag, so the input layer checks it', async () => {
	const [post] = await clawtter.posts();
	const id = String(post.post_id).toUpperCase();
	const { error } = await clawtter.run('post', 'get', { postId: byId(id) });
	expect(error?.name ?? '').not.toBe('WorkflowHasIssuesError');
	expect((await clawtter.requests()).map((r) => r.path)).toEqual([`/posts/${id}`]);
});
