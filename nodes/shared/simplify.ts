import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import type { Paginate } from './pagination';

/**
 * Tool results sized for a model. n8n runs a node that an AI Agent calls as a tool under the
 * node type's tool variant (`<package>.<name>Tool`, made by n8n's `convertNodeToAiTool`), so
 * a node knows it runs as a tool from `this.getNode().type`.
 */

/** Characters of JSON one simplified item may take at most. */
export const SIMPLIFY_ITEM_BUDGET = 1000;
/** A text (post, message, email body, bio) in a simplified item is cut to this many characters, with "…". */
export const SIMPLIFY_TEXT_LIMIT = 280;
/** A list inside a simplified item (tags, media, replies) keeps at most this many entries. */
export const SIMPLIFY_LIST_LIMIT = 5;

interface NodeContext {
	getNode(): { type: string };
}

/** True when an AI Agent runs the node as a tool. */
export function isToolRun(context: NodeContext): boolean {
	return /Tool$/.test(context.getNode().type);
}

const OPEN = /<incoming_message>\s*\{/;
const CLOSE = '</incoming_message>';

/** True for ClawNet's wrapped DM content (framing sentence + `<incoming_message>` JSON block). */
export function isWrappedMessage(value: unknown): value is string {
	return typeof value === 'string' && OPEN.test(value) && value.includes(CLOSE);
}

function cut(text: string, limit: number): string {
	return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1)).trimEnd()}…`;
}

/**
 * A wrapped DM cut to size without breaking its framing: the sender's text inside the JSON block
 * is cut; the framing sentence and both tags stay as ClawNet delivered them.
 */
export function cutWrappedMessage(content: string, limit: number): string {
	const open = OPEN.exec(content);
	const close = content.lastIndexOf(CLOSE);
	if (!open || close < open.index) return content;
	const start = open.index + '<incoming_message>'.length;
	try {
		const inner = JSON.parse(content.slice(start, close)) as IDataObject;
		if (typeof inner.content !== 'string' || inner.content.length <= limit) return content;
		return `${content.slice(0, start)}\n${JSON.stringify({ ...inner, content: cut(inner.content, limit) })}\n${content.slice(close)}`;
	} catch {
		return content;
	}
}

/** Keys a model does not need: media payloads, avatars, raw HTML, signatures, internal links. */
const DROPPED_KEY = /(_base64|base64_list|^avatar|avatar_url$|^html$|^raw$|^headers$|signature|_html$|^image_urls?$)/i;

function simplifyValue(value: unknown, depth: number): unknown {
	if (value === null || value === undefined || value === '') return undefined;
	if (typeof value === 'string') return isWrappedMessage(value) ? cutWrappedMessage(value, SIMPLIFY_TEXT_LIMIT) : cut(value, SIMPLIFY_TEXT_LIMIT);
	if (typeof value !== 'object') return value;
	if (depth > 3) return undefined;
	if (Array.isArray(value)) {
		const kept = value.slice(0, SIMPLIFY_LIST_LIMIT).map((v) => simplifyValue(v, depth + 1)).filter((v) => v !== undefined);
		if (value.length > SIMPLIFY_LIST_LIMIT) kept.push(`…${value.length - SIMPLIFY_LIST_LIMIT} more`);
		return kept.length > 0 ? kept : undefined;
	}
	const out: IDataObject = {};
	const object = value as IDataObject;
	const dm = isWrappedMessage(object.content);
	for (const [key, v] of Object.entries(object)) {
		if (DROPPED_KEY.test(key)) continue;
		// A DM keeps only its wrapped, injection-safe form.
		if (dm && key === 'text') continue;
		const simple = simplifyValue(v, depth + 1);
		if (simple !== undefined) out[key] = simple as IDataObject[string];
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** Shortens the longest plain string until the item fits the budget (a wrapped DM is cut inside its block). */
function fit(json: IDataObject): IDataObject {
	let out = json;
	for (let round = 0; round < 20 && JSON.stringify(out).length > SIMPLIFY_ITEM_BUDGET; round++) {
		let longest: { key: string; length: number } | undefined;
		for (const [key, value] of Object.entries(out)) {
			if (typeof value === 'string' && value.length > 40 && (!longest || value.length > longest.length)) longest = { key, length: value.length };
		}
		if (!longest) break;
		const value = out[longest.key] as string;
		const over = JSON.stringify(out).length - SIMPLIFY_ITEM_BUDGET;
		const target = Math.max(40, value.length - over - 4);
		out = { ...out, [longest.key]: isWrappedMessage(value) ? cutWrappedMessage(value, Math.max(20, target - (value.length - SIMPLIFY_TEXT_LIMIT))) : cut(value, target) };
		if (isWrappedMessage(value) && out[longest.key] === value) break;
	}
	if (JSON.stringify(out).length > SIMPLIFY_ITEM_BUDGET) {
		// Nested data that still overflows: keep the top-level scalars.
		out = Object.fromEntries(Object.entries(out).filter(([, v]) => typeof v !== 'object'));
	}
	return out;
}

/** One item as a model needs it: at most SIMPLIFY_ITEM_BUDGET characters of JSON. */
export function simplifyItem(json: IDataObject): IDataObject {
	return fit((simplifyValue(json, 0) as IDataObject | undefined) ?? {});
}

/** postReceive of the Simplify field: simplifies the items when it is on. */
function simplifyItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const mode = String(this.getNodeParameter('simplify', 'auto'));
	const tool = isToolRun(this);
	const on = mode === 'simplified' || (mode === 'auto' && tool);
	if (on) return Promise.resolve(items.map((item) => ({ ...item, json: simplifyItem(item.json) })));
	if (tool) {
		// Full output in tool use still never hands a model a DM's unwrapped text.
		return Promise.resolve(items.map((item) => (isWrappedMessage(item.json.content) && 'text' in item.json ? { ...item, json: withoutText(item.json) } : item)));
	}
	return Promise.resolve(items);
}

function withoutText(json: IDataObject): IDataObject {
	const rest = { ...json };
	delete rest.text;
	return rest;
}

/**
 * The Simplify field of a large read: by default on when an AI Agent calls the node as a tool
 * and off in ordinary workflows; either can be chosen.
 */
export function simplifyField(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'options',
		default: 'auto',
		options: [
			{
				name: 'When Used as an AI Tool',
				value: 'auto',
				description: 'Simplified output when an AI Agent calls this node as a tool, full output otherwise',
			},
			{ name: 'Always', value: 'simplified', description: `Each item at most ${SIMPLIFY_ITEM_BUDGET} characters: texts cut at ${SIMPLIFY_TEXT_LIMIT}, media and avatars left out` },
			{ name: 'Never', value: 'full', description: 'The full items as the API answers them' },
		],
		description: `Whether to return a compact version of each item (at most ${SIMPLIFY_ITEM_BUDGET} characters) instead of the full data`,
		routing: { output: { postReceive: [simplifyItems as PostReceiveAction] } },
	};
}


/**
 * In tool use, a read that found nothing answers one explicit item
 * `{ results: [], message: 'No … found' }`: an empty tool result reaches the model as `""`,
 * which it cannot tell from a failure.
 */
export function explicitEmptyAnswer(paginate: Paginate, message: string | undefined): Paginate {
	if (message === undefined) return paginate;
	return async function (this: IExecutePaginationFunctions, options) {
		const items = await paginate.call(this, options);
		if (items.length > 0 || !isToolRun(this)) return items;
		return [{ json: { results: [], message }, pairedItem: { item: this.getItemIndex() } }];
	};
}
