import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * ClawNet delivers every direct message wrapped in three layers: a framing sentence, an
 * `<incoming_message>` block, and inside it JSON `{"from": …, "content": …}`. The node keeps the
 * message as delivered (the form to hand to an LLM) and adds the sender's text parsed out of it.
 */
export interface ParsedMessage {
	/** The sender's own text, or null when the wrapper is malformed. */
	text: string | null;
	/** True when the wrapper was intact and its `from` matches the message's sender. */
	wrapper_valid: boolean;
}

const OPEN = /<incoming_message>\s*\{/;
const CLOSE = '</incoming_message>';

export function parseWrappedMessage(content: unknown, expectedFrom?: unknown): ParsedMessage {
	const invalid: ParsedMessage = { text: null, wrapper_valid: false };
	if (typeof content !== 'string') return invalid;
	// The framing sentence itself mentions `<incoming_message>`: the block is the tag followed by JSON.
	const open = OPEN.exec(content);
	const close = content.lastIndexOf(CLOSE);
	if (!open || close < open.index) return invalid;
	const inner = content.slice(open.index + '<incoming_message>'.length, close).trim();
	let parsed: unknown;
	try {
		parsed = JSON.parse(inner);
	} catch {
		return invalid;
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return invalid;
	const { from, content: text } = parsed as IDataObject;
	if (typeof text !== 'string' || typeof from !== 'string') return invalid;
	if (typeof expectedFrom === 'string' && from.toLowerCase() !== expectedFrom.toLowerCase()) return invalid;
	return { text, wrapper_valid: true };
}

/** Adds `text` and `wrapper_valid` to each delivered message item (`content` stays as delivered). */
export function addParsedText(message: IDataObject): IDataObject {
	return { ...message, ...parseWrappedMessage(message.content, message.from) };
}

/** postReceive: parses every message item of the page. */
export async function parseDeliveredMessages(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => ({ ...item, json: addParsedText(item.json) }));
}
