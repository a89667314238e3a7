/**
 * Decides the model's next turn from what n8n sent: the next queued turn of the script, else the
 * first rule that fits the latest user message, else a plain answer saying no rule fits.
 */
import type { ModelCall, ModelMessage, ModelState, Rule, ScriptedCall, ToolDefinition, ToolResult } from './state';

export interface Decision {
	text?: string;
	toolCalls?: Array<{ id: string; name: string; arguments: string }>;
	error?: { status: number; message: string };
	from: ModelCall['answer']['from'];
}

/** Text of a content that is a string or a list of parts ({type: text|input_text|output_text, text}). */
export function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content
			.map((part) => {
				if (typeof part === 'string') return part;
				if (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string') return (part as { text: string }).text;
				return '';
			})
			.join('');
	}
	if (content === undefined || content === null) return '';
	return JSON.stringify(content);
}

/** The tool results in the conversation, each with the name of the tool the model called with its id. */
export function toolResultsOf(messages: ModelMessage[]): ToolResult[] {
	const names = new Map<string, string>();
	for (const m of messages) for (const c of m.toolCalls ?? []) names.set(c.id, c.name);
	return messages.filter((m) => m.role === 'tool').map((m) => ({ callId: m.toolCallId ?? '', name: names.get(m.toolCallId ?? ''), output: m.content }));
}

function lastUserIndex(messages: ModelMessage[]): number {
	for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'user') return i;
	return -1;
}

/** A tool's exact name, else the first name the pattern matches (case-insensitive), else the pattern itself. */
export function resolveTool(pattern: string, tools: ToolDefinition[]): string {
	if (tools.some((t) => t.name === pattern)) return pattern;
	let re: RegExp | undefined;
	try {
		re = new RegExp(pattern, 'i');
	} catch {
		re = undefined;
	}
	return tools.find((t) => (re ? re.test(t.name) : t.name.toLowerCase().includes(pattern.toLowerCase())))?.name ?? pattern;
}

function fill(value: unknown, vars: Record<string, string>): unknown {
	if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? vars[name] : whole));
	if (Array.isArray(value)) return value.map((v) => fill(v, vars));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
	return value;
}

/** The required string parameters a rule leaves out get the user's words (so a rule fits a tool whose argument names differ). */
function completeArgs(args: Record<string, unknown>, tool: ToolDefinition | undefined, input: string): Record<string, unknown> {
	const schema = tool?.parameters as { properties?: Record<string, { type?: string }>; required?: string[] } | undefined;
	const out = { ...args };
	for (const name of schema?.required ?? []) {
		if (!(name in out) && schema?.properties?.[name]?.type === 'string') out[name] = input;
	}
	// Arguments the tool does not take are dropped: a rule is written for several tools.
	const known = schema?.properties ? Object.keys(schema.properties) : [];
	if (known.length) for (const name of Object.keys(out)) if (!known.includes(name)) delete out[name];
	return out;
}

export function decide(state: ModelState, messages: ModelMessage[], tools: ToolDefinition[]): Decision {
	const userAt = lastUserIndex(messages);
	const input = userAt >= 0 ? messages[userAt].content : '';
	const since = messages.slice(userAt + 1);
	const results = toolResultsOf(since);
	const lastResult = results[results.length - 1];
	const vars = { input, result: lastResult?.output ?? '', tool: lastResult?.name ?? '' };
	const call = (c: ScriptedCall, withSchema: boolean) => {
		const name = resolveTool(c.tool, tools);
		const filled = fill(c.args ?? {}, vars) as Record<string, unknown>;
		const args = withSchema ? completeArgs(filled, tools.find((t) => t.name === name), input) : filled;
		return { id: `call_${String(state.nextId++).padStart(6, '0')}`, name, arguments: JSON.stringify(args) };
	};

	const turn = state.turns.shift();
	if (turn) {
		if ('error' in turn) return { error: { status: turn.error.status ?? 500, message: turn.error.message ?? 'Scripted model error' }, from: 'script' };
		if ('toolCalls' in turn) return { toolCalls: turn.toolCalls.map((c) => call(c, false)), from: 'script' };
		return { text: String(fill(turn.text, vars)), from: 'script' };
	}

	const rule = state.rules.find((r: Rule) => {
		if (!r.when) return true;
		try {
			return new RegExp(r.when, 'i').test(input);
		} catch {
			return false;
		}
	});
	if (!rule) return { text: `The sandbox's scripted model has no turn queued and no rule for: ${input}`, from: 'fallback' };
	const name = resolveTool(rule.tool, tools);
	const answered = results.some((r) => r.name === name);
	if (!answered && tools.some((t) => t.name === name)) return { toolCalls: [call(rule, true)], from: 'rule' };
	if (!answered) return { text: `The sandbox's scripted model found no tool matching "${rule.tool}" among: ${tools.map((t) => t.name).join(', ') || 'none'}`, from: 'fallback' };
	const result = results.filter((r) => r.name === name).pop();
	return { text: String(fill(rule.answer ?? '{{tool}} answered: {{result}}', { ...vars, result: result?.output ?? '', tool: name })), from: 'rule' };
}
