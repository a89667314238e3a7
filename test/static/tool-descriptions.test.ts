/**
 * What n8n generates for each operation used as an AI Agent tool, built with n8n's own functions
 * (n8n-workflow's NodeHelpers.getToolDescriptionForNode — what n8n-core's createNodeAsTool calls —
 * makeNodeName for the default node name, nodeNameToToolName for the tool's name):
 * - the description `${action} in ${node}` names the id forms the operation takes and, for the
 *   texts a model writes, their limits;
 * - it stays within TOOL_DESCRIPTION_BUDGET characters, and the default tool name within
 *   OpenAI's 64 characters without being cut.
 * Budget figures are in the README, "Using the nodes as AI Agent tools".
 */
import { NodeHelpers, nodeNameToToolName } from 'n8n-workflow';
import type { INode, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ClawNet } from '../../nodes/ClawNet/ClawNet.node';
import { ClawPost } from '../../nodes/ClawPost/ClawPost.node';
import { Clawtter } from '../../nodes/Clawtter/Clawtter.node';
import { ID_BRIEFS } from '../../nodes/shared/descriptions';
import type { IdShapeName } from '../../nodes/shared/validation';

/** Characters of one automatic tool description. */
const TOOL_DESCRIPTION_BUDGET = 100;
const TOOL_NAME_MAX = 64;

/** The texts a model writes, and the limit its tool description must name. */
const TEXT_LIMITS: Record<string, string> = {
	'ClawNet message:send': '10,000',
	'ClawNet post:create': '1,500',
	'ClawNet post:reply': '1,500',
	'ClawNet email:send': '200',
	'Clawtter post:create': '1,000',
	'Claw Post post:create': '280',
};

/** The tool variant's description as n8n's convertNodeToAiTool makes it (name + Tool, AI tool output). */
function toolDescription(node: INodeType): INodeTypeDescription {
	return { ...node.description, name: `${node.description.name}Tool`, outputs: ['ai_tool'] as INodeTypeDescription['outputs'] };
}

interface Row {
	key: string;
	description: string;
	toolName: string;
	ids: string[];
}

function rows(node: INodeType): Row[] {
	const tool = toolDescription(node);
	const out: Row[] = [];
	for (const property of node.description.properties) {
		if (property.name !== 'operation') continue;
		const resource = String(property.displayOptions?.show?.resource?.[0]);
		for (const option of property.options as INodePropertyOptions[]) {
			const parameters = { resource, operation: String(option.value), descriptionType: 'auto' };
			const instance = { id: 'x', name: 'x', type: `n8n-nodes-claw-social.${tool.name}`, typeVersion: 1, position: [0, 0], parameters } as INode;
			const description = NodeHelpers.getToolDescriptionForNode(instance, { ...node, description: tool } as INodeType);
			const toolName = nodeNameToToolName(NodeHelpers.makeNodeName(parameters, tool));
			const ids = node.description.properties
				.filter((p) => p.required && p.typeOptions?.idShape && (p.displayOptions?.show?.resource ?? []).includes(resource) && (p.displayOptions?.show?.operation ?? []).includes(String(option.value)))
				.map((p) => ID_BRIEFS[p.typeOptions!.idShape as IdShapeName]);
			out.push({ key: `${node.description.defaults.name} ${resource}:${String(option.value)}`, description, toolName, ids });
		}
	}
	return out;
}

const ALL = [new ClawNet(), new Clawtter(), new ClawPost()].flatMap(rows);

test('every operation has a tool description of its own (its action), within the budget', () => {
	const over = ALL.filter((r) => r.description.length > TOOL_DESCRIPTION_BUDGET).map((r) => `${r.key}: ${r.description.length} ${r.description}`);
	expect(over).toEqual([]);
	for (const r of ALL) expect(r.description).toMatch(/ in (ClawNet|Clawtter|Claw Post)$/);
	const sizes = ALL.map((r) => r.description.length);
	// The figures the README quotes.
	expect(Math.max(...sizes)).toBeLessThanOrEqual(TOOL_DESCRIPTION_BUDGET);
	expect(ALL.length).toBeGreaterThan(100);
});

test('each description names the id forms its operation takes', () => {
	const missing = ALL.flatMap((r) => r.ids.filter((id) => !r.description.includes(id)).map((id) => `${r.key}: ${id}`));
	expect(missing).toEqual([]);
	expect(ALL.filter((r) => r.ids.length > 0).length).toBeGreaterThan(40);
});

test('the texts a model writes carry their limit', () => {
	for (const [key, limit] of Object.entries(TEXT_LIMITS)) {
		const row = ALL.find((r) => r.key === key);
		expect([key, row?.description.includes(limit)]).toEqual([key, true]);
	}
});

test('the default tool name fits OpenAI\'s 64 characters without being cut', () => {
	const long = ALL.filter((r) => r.toolName.length >= TOOL_NAME_MAX).map((r) => `${r.key}: ${r.toolName}`);
	expect(long).toEqual([]);
});
