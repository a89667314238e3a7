/**
 * The scripted model's state: the turns queued by a test, the rules used when none is queued,
 * and every call n8n made (normalized: messages, tool definitions, tool results; and raw).
 */

/** A tool call the model makes: `tool` is a tool's exact name or a case-insensitive regular expression on the names offered. */
export interface ScriptedCall {
	tool: string;
	/** Arguments as the model sends them (any JSON: null, numbers, oversize strings — what a test wants to throw). String values may use `{{input}}`. */
	args?: Record<string, unknown>;
}

/** One answer of the model: text, tool calls, or an HTTP error. */
export type Turn =
	| { text: string }
	| { toolCalls: ScriptedCall[] }
	| { error: { status?: number; message?: string } };

/**
 * What the model does when no turn is queued: for the latest user message (matching `when`, a
 * case-insensitive regular expression, if given) it calls `tool` with `args` once, then answers
 * with `answer` (`{{tool}}`, `{{result}}`, `{{input}}` filled in; default: the tool's result).
 */
export interface Rule {
	when?: string;
	tool: string;
	args?: Record<string, unknown>;
	answer?: string;
}

/** A message of the conversation n8n sent, in one shape for both APIs. */
export interface ModelMessage {
	role: string;
	content: string;
	toolCalls?: Array<{ id: string; name: string; arguments: string }>;
	toolCallId?: string;
}

export interface ToolDefinition {
	name: string;
	description: string;
	parameters: unknown;
	/** Characters of the definition exactly as n8n sent it (the JSON of that tool entry). */
	size: number;
}

export interface ToolResult {
	callId: string;
	/** The tool the model called with that id (from the assistant turn that made the call). */
	name?: string;
	output: string;
}

/** One request n8n made to the model and what the model answered. */
export interface ModelCall {
	seq: number;
	api: 'chat' | 'responses';
	stream: boolean;
	model: string;
	messages: ModelMessage[];
	tools: ToolDefinition[];
	/** Every tool result in the conversation sent (those of earlier requests included). */
	toolResults: ToolResult[];
	/** What the model answered: text, tool calls (names resolved) or an error. */
	answer: { text?: string; toolCalls?: Array<{ id: string; name: string; arguments: string }>; error?: string; from: 'script' | 'rule' | 'fallback' };
	/** The request body as received. */
	raw: unknown;
}

export interface ModelState {
	turns: Turn[];
	rules: Rule[];
	calls: ModelCall[];
	nextId: number;
}

/**
 * The rules `npm start` runs with, for `examples/ai-agent-tools.json`: a message that asks for
 * a DM goes to Tom on ClawNet, one that mentions X or a tweet is published on X through Claw
 * Post, anything else is posted on Clawtter — the user's words as the text.
 */
export const DEFAULT_RULES: readonly Rule[] = [
	{ when: '\\b(dm|direct message|tell|message)\\b', tool: 'clawnet', args: { agent_id: 'Tom', message: '{{input}}' } },
	{ when: '\\b(x|tweet|claw ?post)\\b', tool: 'claw_?post', args: { text: '{{input}}' } },
	{ tool: 'clawtter', args: { content: '{{input}}' } },
];

export const MODELS = ['gpt-5-mini', 'gpt-4.1-mini', 'sandbox-scripted'];

export function createModelState(): ModelState {
	return { turns: [], rules: DEFAULT_RULES.map((r) => ({ ...r, args: { ...r.args } })), calls: [], nextId: 1 };
}
