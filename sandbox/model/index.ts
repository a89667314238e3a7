/**
 * A scripted model with an OpenAI-compatible API, so that n8n AI Agents run against the sandbox
 * without a key or the internet: `POST /v1/chat/completions` and `POST /v1/responses` (what
 * n8n 2.40's OpenAI Chat Model node sends, through `@langchain/openai` and the `openai` SDK,
 * streaming or not), `GET /v1/models`. Any bearer key is accepted. Its turns are queued by a
 * test or chosen by simple rules (see state.ts), and every call is recorded for tests:
 * messages, tool definitions and the tool results that went back to the model.
 */
import { bearerToken, json } from '../core/http';
import type { Router } from '../core/router';
import type { NetworkModule, SandboxRequest, SandboxResponse } from '../core/types';
import { decide, textOf, toolResultsOf } from './brain';
import type { Decision } from './brain';
import { modelControlRoutes } from './control';
import type { ModelCall, ModelMessage, ModelState, ToolDefinition } from './state';
import { MODELS, createModelState } from './state';

/** The key `npm start` imports into n8n's OpenAI credential (any key works). */
export const SANDBOX_MODEL_KEY = 'sk-sandbox-scripted-model';

const openAiError = (status: number, message: string, type = 'invalid_request_error', code: string | null = null): SandboxResponse =>
	json(status, { error: { message, type, param: null, code } });

function requireKey(req: SandboxRequest): SandboxResponse | undefined {
	if (bearerToken(req)) return undefined;
	return openAiError(401, "You didn't provide an API key. Any key works with the sandbox's scripted model (Authorization: Bearer <anything>).", 'invalid_request_error', 'invalid_api_key');
}

function body(req: SandboxRequest): Record<string, unknown> {
	return req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
}

const tokens = (text: string) => Math.ceil(text.length / 4);
const now = () => Math.floor(Date.now() / 1000);

/** Chat Completions `messages` → the common shape. */
function chatMessages(messages: unknown): ModelMessage[] {
	if (!Array.isArray(messages)) return [];
	return messages.map((m: Record<string, unknown>) => {
		const out: ModelMessage = { role: String(m.role ?? ''), content: textOf(m.content) };
		if (Array.isArray(m.tool_calls)) {
			out.toolCalls = m.tool_calls.map((c: { id?: string; function?: { name?: string; arguments?: string } }) => ({
				id: String(c.id ?? ''),
				name: String(c.function?.name ?? ''),
				arguments: String(c.function?.arguments ?? ''),
			}));
		}
		if (m.tool_call_id !== undefined) out.toolCallId = String(m.tool_call_id);
		return out;
	});
}

/** Responses `input` (a string or items: messages, function_call, function_call_output) → the common shape. */
function responsesMessages(input: unknown, instructions: unknown): ModelMessage[] {
	const out: ModelMessage[] = [];
	if (typeof instructions === 'string' && instructions) out.push({ role: 'system', content: instructions });
	if (typeof input === 'string') return [...out, { role: 'user', content: input }];
	if (!Array.isArray(input)) return out;
	for (const item of input as Array<Record<string, unknown>>) {
		const type = item.type ?? (item.role ? 'message' : undefined);
		if (type === 'message') out.push({ role: String(item.role ?? ''), content: textOf(item.content) });
		else if (type === 'function_call') {
			const call = { id: String(item.call_id ?? ''), name: String(item.name ?? ''), arguments: String(item.arguments ?? '') };
			// A function call belongs to the assistant turn just before it (its text, if any).
			const last = out[out.length - 1];
			if (last?.role === 'assistant') last.toolCalls = [...(last.toolCalls ?? []), call];
			else out.push({ role: 'assistant', content: '', toolCalls: [call] });
		} else if (type === 'function_call_output') {
			out.push({ role: 'tool', content: textOf(item.output), toolCallId: String(item.call_id ?? '') });
		}
	}
	return out;
}

function chatTools(tools: unknown): ToolDefinition[] {
	if (!Array.isArray(tools)) return [];
	return tools.map((t: { function?: { name?: string; description?: string; parameters?: unknown } }) => ({
		name: String(t.function?.name ?? ''),
		description: String(t.function?.description ?? ''),
		parameters: t.function?.parameters,
		size: JSON.stringify(t).length,
	}));
}

function responsesTools(tools: unknown): ToolDefinition[] {
	if (!Array.isArray(tools)) return [];
	return tools.map((t: { name?: string; description?: string; parameters?: unknown }) => ({
		name: String(t.name ?? ''),
		description: String(t.description ?? ''),
		parameters: t.parameters,
		size: JSON.stringify(t).length,
	}));
}

function record(state: ModelState, api: ModelCall['api'], b: Record<string, unknown>, messages: ModelMessage[], tools: ToolDefinition[], decision: Decision): void {
	state.calls.push({
		seq: state.calls.length + 1,
		api,
		stream: b.stream === true,
		model: String(b.model ?? ''),
		messages,
		tools,
		toolResults: toolResultsOf(messages),
		answer: { text: decision.text, toolCalls: decision.toolCalls, error: decision.error?.message, from: decision.from },
		raw: b,
	});
}

const sse = (events: Array<{ event?: string; data: unknown }>): SandboxResponse => ({
	status: 200,
	headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
	raw: events.map((e) => `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`).join(''),
});

function chatCompletion(state: ModelState, req: SandboxRequest): SandboxResponse {
	const b = body(req);
	const messages = chatMessages(b.messages);
	const tools = chatTools(b.tools);
	const decision = decide(state, messages, tools);
	record(state, 'chat', b, messages, tools, decision);
	if (decision.error) return openAiError(decision.error.status, decision.error.message, 'server_error');
	const id = `chatcmpl-${String(state.calls.length).padStart(6, '0')}`;
	const model = String(b.model ?? MODELS[0]);
	const toolCalls = decision.toolCalls?.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
	const finish = toolCalls ? 'tool_calls' : 'stop';
	const prompt = tokens(JSON.stringify(b.messages ?? ''));
	const completion = tokens(decision.text ?? JSON.stringify(toolCalls ?? ''));
	const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
	if (b.stream === true) {
		const chunk = (delta: unknown, finishReason: string | null = null) => ({
			data: { id, object: 'chat.completion.chunk', created: now(), model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] },
		});
		const events = [chunk({ role: 'assistant', content: '' })];
		if (decision.text) events.push(chunk({ content: decision.text }));
		toolCalls?.forEach((c, index) => {
			events.push(chunk({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.function.name, arguments: '' } }] }));
			events.push(chunk({ tool_calls: [{ index, function: { arguments: c.function.arguments } }] }));
		});
		events.push(chunk({}, finish));
		const streamOptions = b.stream_options as { include_usage?: boolean } | undefined;
		const all: Array<{ data: unknown }> = [...events];
		if (streamOptions?.include_usage) all.push({ data: { id, object: 'chat.completion.chunk', created: now(), model, choices: [], usage } });
		all.push({ data: '[DONE]' });
		return sse(all);
	}
	return json(200, {
		id,
		object: 'chat.completion',
		created: now(),
		model,
		choices: [{ index: 0, message: { role: 'assistant', content: decision.text ?? null, refusal: null, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, logprobs: null, finish_reason: finish }],
		usage,
	});
}

function responses(state: ModelState, req: SandboxRequest): SandboxResponse {
	const b = body(req);
	const messages = responsesMessages(b.input, b.instructions);
	const tools = responsesTools(b.tools);
	const decision = decide(state, messages, tools);
	record(state, 'responses', b, messages, tools, decision);
	if (decision.error) return openAiError(decision.error.status, decision.error.message, 'server_error');
	const n = String(state.calls.length).padStart(6, '0');
	const id = `resp_${n}`;
	const model = String(b.model ?? MODELS[0]);
	const output: Array<Record<string, unknown>> = [];
	if (decision.text !== undefined) {
		output.push({ id: `msg_${n}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: decision.text, annotations: [] }] });
	}
	decision.toolCalls?.forEach((c, i) => output.push({ id: `fc_${n}_${i}`, type: 'function_call', status: 'completed', call_id: c.id, name: c.name, arguments: c.arguments }));
	const input = tokens(JSON.stringify(b.input ?? ''));
	const out = tokens(JSON.stringify(output));
	const response = (status: string, items: unknown[]) => ({
		id,
		object: 'response',
		created_at: now(),
		status,
		error: null,
		incomplete_details: null,
		instructions: b.instructions ?? null,
		model,
		output: items,
		parallel_tool_calls: true,
		tool_choice: b.tool_choice ?? 'auto',
		tools: Array.isArray(b.tools) ? b.tools : [],
		text: { format: { type: 'text' } },
		metadata: {},
		usage:
			status === 'completed'
				? { input_tokens: input, input_tokens_details: { cached_tokens: 0 }, output_tokens: out, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: input + out }
				: null,
	});
	if (b.stream !== true) return json(200, { ...response('completed', output), output_text: decision.text ?? '' });

	let sequence = 0;
	const events: Array<{ event: string; data: unknown }> = [];
	const emit = (type: string, data: Record<string, unknown>) => events.push({ event: type, data: { type, sequence_number: sequence++, ...data } });
	emit('response.created', { response: response('in_progress', []) });
	emit('response.in_progress', { response: response('in_progress', []) });
	output.forEach((item, index) => {
		if (item.type === 'message') {
			const text = decision.text ?? '';
			emit('response.output_item.added', { output_index: index, item: { ...item, status: 'in_progress', content: [] } });
			emit('response.content_part.added', { item_id: item.id, output_index: index, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
			emit('response.output_text.delta', { item_id: item.id, output_index: index, content_index: 0, delta: text, logprobs: [] });
			emit('response.output_text.done', { item_id: item.id, output_index: index, content_index: 0, text, logprobs: [] });
			emit('response.content_part.done', { item_id: item.id, output_index: index, content_index: 0, part: { type: 'output_text', text, annotations: [] } });
		} else {
			emit('response.output_item.added', { output_index: index, item: { ...item, status: 'in_progress', arguments: '' } });
			emit('response.function_call_arguments.delta', { item_id: item.id, output_index: index, delta: item.arguments });
			emit('response.function_call_arguments.done', { item_id: item.id, output_index: index, arguments: item.arguments });
		}
		emit('response.output_item.done', { output_index: index, item });
	});
	emit('response.completed', { response: response('completed', output) });
	return sse(events);
}

export const model: NetworkModule<ModelState> = {
	id: 'model',
	displayName: 'Scripted model (OpenAI-compatible)',
	mountPath: '/v1',
	secretHeaders: ['authorization'],
	createState: createModelState,

	error(status, code, message) {
		return openAiError(status, message, status >= 500 ? 'server_error' : 'invalid_request_error', code);
	},

	routes(router: Router<ModelState>) {
		router.get('/models', (req) => requireKey(req) ?? json(200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'sandbox' })) }));
		router.post('/chat/completions', (req, state) => requireKey(req) ?? chatCompletion(state, req));
		router.post('/responses', (req, state) => requireKey(req) ?? responses(state, req));
	},

	controlRoutes: modelControlRoutes,

	describe(state) {
		return {
			apiKey: SANDBOX_MODEL_KEY,
			models: MODELS,
			queuedTurns: state.turns.length,
			rules: state.rules.length,
			note: 'Any key works; script turns with POST /_control/model/script, read calls with GET /_control/model/calls',
		};
	},
};
