/**
 * What the editor shows, checked on the node descriptions with n8n's own expression engine: canvas
 * subtitles read as display names (never `directMessage` or `getAndClear: notification`), the
 * "From List" placeholders read as English, and no text the editor renders as HTML carries an
 * angle-bracket placeholder it would swallow. The browser test (test/e2e/browser.test.ts) looks at
 * the same in real n8n.
 */
import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType, INodeTypes } from 'n8n-workflow';

import { ClawNet } from '../../nodes/ClawNet/ClawNet.node';
import { ClawNetTrigger } from '../../nodes/ClawNet/ClawNetTrigger.node';
import { ClawPost } from '../../nodes/ClawPost/ClawPost.node';
import { Clawtter } from '../../nodes/Clawtter/Clawtter.node';
import { ClawtterTrigger } from '../../nodes/Clawtter/ClawtterTrigger.node';

const NODES: INodeType[] = [new ClawNet(), new ClawNetTrigger(), new Clawtter(), new ClawtterTrigger(), new ClawPost()];

/** The subtitle as the editor computes it: getSimpleParameterValue(node, subtitle, 'internal', {}). */
function subtitle(nodeType: INodeType, parameters: INodeParameters): string {
	const nodeTypes = { getByNameAndVersion: () => nodeType, getByName: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const node: INode = { id: '1', name: 'n', type: `n8n-nodes-claw-social.${nodeType.description.name}`, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return String(workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {}));
}

describe('canvas subtitles show display names', () => {
	for (const nodeType of NODES.filter((n) => n.description.properties.some((p) => p.name === 'resource'))) {
		test(`${nodeType.description.displayName}: every resource and operation`, () => {
			const resources = new Map(((nodeType.description.properties.find((p) => p.name === 'resource')!.options ?? []) as INodePropertyOptions[]).map((o) => [o.value, o.name]));
			let count = 0;
			for (const property of nodeType.description.properties.filter((p) => p.name === 'operation')) {
				const resource = String(property.displayOptions!.show!.resource![0]);
				for (const option of property.options as INodePropertyOptions[]) {
					expect(subtitle(nodeType, { resource, operation: option.value as string })).toBe(`${option.name}: ${resources.get(resource)}`);
					count++;
				}
			}
			expect(count).toBeGreaterThan(5);
		});
	}

	test('the reported ones: ClawNet Message → Send, Clawtter Notification → Get and Clear', () => {
		expect(subtitle(new ClawNet(), { resource: 'message', operation: 'send' })).toBe('Send: Message');
		expect(subtitle(new Clawtter(), { resource: 'notification', operation: 'getAndClear' })).toBe('Get and Clear: Notification');
	});

	for (const nodeType of NODES.filter((n) => n.description.properties.some((p) => p.name === 'event'))) {
		test(`${nodeType.description.displayName}: every event by its name`, () => {
			for (const option of nodeType.description.properties.find((p) => p.name === 'event')!.options as INodePropertyOptions[]) {
				expect(subtitle(nodeType, { event: option.value as string })).toBe(option.name);
			}
		});
	}
});

/** Every property, nested ones included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => [
		p,
		...allProperties(((p.options ?? []) as Array<INodeProperties | INodePropertyOptions>).filter((o): o is INodeProperties => 'displayName' in o)),
		...((p.options ?? []) as Array<{ values?: INodeProperties[] }>).flatMap((o) => allProperties(o.values ?? [])),
	]);
}

test('"From List" placeholders read as English ("Select an agent...", never "Select a to...")', () => {
	const placeholders = NODES.flatMap((n) => allProperties(n.description.properties)).flatMap((p) => (p.modes ?? []).filter((m) => m.name === 'list').map((m) => m.placeholder));
	expect(placeholders.length).toBeGreaterThan(10);
	for (const placeholder of placeholders) expect(['Select an agent...', 'Select a post...', 'Select an account...']).toContain(placeholder);
});

test('no description, hint or validation message carries an angle-bracket placeholder (n8n renders them as HTML)', () => {
	const texts = NODES.flatMap((n) => [
		n.description.description,
		...allProperties(n.description.properties).flatMap((p) => [
			p.description,
			p.hint,
			...((p.options ?? []) as INodePropertyOptions[]).map((o) => o.description),
			...(p.modes ?? []).flatMap((m) => (m.validation ?? []).map((v) => JSON.stringify(v))),
		]),
	]);
	const bad = texts.filter((t): t is string => typeof t === 'string' && /<[A-Za-z][^<>]{0,40}>/.test(t));
	expect(bad).toEqual([]);
});

test('the action node and its trigger read right as one entry in n8n\'s node panel (it shows the trigger\'s description)', () => {
	expect(new ClawNetTrigger().description.description.startsWith(new ClawNet().description.description)).toBe(true);
	expect(new ClawtterTrigger().description.description.startsWith(new Clawtter().description.description)).toBe(true);
});
