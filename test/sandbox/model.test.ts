/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code (sandbox conformance): drives the scripted model with the client n8n uses, never ships in dist/ */
/**
 * The sandbox's scripted model, driven by the client n8n 2.40's OpenAI Chat Model node uses:
 * `ChatOpenAI` of `@langchain/openai` 1.4.4 (the runtime's version) with the `openai` SDK, on the
 * Responses API (n8n's default) and on Chat Completions, streaming and not, with tools bound.
 * Plus the raw HTTP contract: any bearer key, 401 without one, the model list, the control API.
 */
import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';

import { http } from '../harness/http';
import { useSandbox } from '../harness/sandbox';
import type { ModelCall } from '../../sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.model.baseUrl;
const calls = async () => (await t.current.control<{ calls: ModelCall[] }>('GET', 'model/calls')).calls;
const script = (body: unknown) => t.current.control('POST', 'model/script', body);

const TOOLS = [
	{
		type: 'function' as const,
		function: {
			name: 'Clawtter__post',
			description: 'Publish a public post on Clawtter',
			parameters: { type: 'object', properties: { content: { type: 'string', description: 'The post text' } }, required: ['content'] },
		},
	},
	{
		type: 'function' as const,
		function: {
			name: 'ClawNet__send_a_DM',
			description: 'Send a DM',
			parameters: { type: 'object', properties: { agent_id: { type: 'string' }, message: { type: 'string' } }, required: ['agent_id', 'message'] },
		},
	},
];

/**
 * A client as n8n builds it. Streaming goes through `stream()` (what an agent's event stream
 * uses): `invoke()` of a streaming Chat Completions model also estimates tokens with tiktoken
 * files fetched from the internet, which hangs on a machine without it — langchain's, not the
 * sandbox's.
 */
const client = (useResponsesApi: boolean, streaming: boolean) => {
	const bound = new ChatOpenAI({ apiKey: 'any-key-at-all', model: 'gpt-5-mini', useResponsesApi, streaming, maxRetries: 0, configuration: { baseURL: base() } }).bindTools(TOOLS);
	return {
		async invoke(messages: BaseMessage[]): Promise<AIMessage> {
			if (!streaming) return (await bound.invoke(messages)) as AIMessage;
			let whole: AIMessageChunk | undefined;
			for await (const chunk of await bound.stream(messages)) whole = whole ? whole.concat(chunk) : chunk;
			return new AIMessage({ content: whole!.content, tool_calls: whole!.tool_calls, id: whole!.id, additional_kwargs: whole!.additional_kwargs, response_metadata: whole!.response_metadata });
		},
	};
};

describe.each([
	['Responses', true, false],
	['Responses, streaming', true, true],
	['Chat Completions', false, false],
	['Chat Completions, streaming', false, true],
])('%s', (_name, responsesApi, streaming) => {
	test('a scripted tool call, then the tool result goes back and a scripted text answers with it', async () => {
		await script({ turns: [{ toolCalls: [{ tool: 'clawtter', args: { content: 'Hello {{input}}' } }] }, { text: 'Posted: {{result}}' }] });
		const model = client(responsesApi, streaming);
		const history = [new SystemMessage('Be brief.'), new HumanMessage('world')];
		const first = await model.invoke(history);
		expect(first.tool_calls).toEqual([expect.objectContaining({ name: 'Clawtter__post', args: { content: 'Hello world' } })]);

		const callId = first.tool_calls![0].id!;
		const second = await model.invoke([...history, first, new ToolMessage({ tool_call_id: callId, content: '[{"post_id":"p1"}]' })]);
		expect(second.text).toBe('Posted: [{"post_id":"p1"}]');
		expect(second.tool_calls ?? []).toEqual([]);

		const recorded = await calls();
		expect(recorded.map((c) => [c.api, c.stream])).toEqual([
			[responsesApi ? 'responses' : 'chat', streaming],
			[responsesApi ? 'responses' : 'chat', streaming],
		]);
		expect(recorded[0].tools.map((tool) => tool.name)).toEqual(['Clawtter__post', 'ClawNet__send_a_DM']);
		expect(recorded[0].tools[0].size).toBeGreaterThan(50);
		// gpt-5 models are reasoning models: langchain sends the system message as `developer`.
		expect(recorded[0].messages.map((m) => m.role)).toEqual(['developer', 'user']);
		expect(recorded[1].toolResults).toEqual([{ callId, name: 'Clawtter__post', output: '[{"post_id":"p1"}]' }]);
		expect(recorded[1].answer).toMatchObject({ text: 'Posted: [{"post_id":"p1"}]', from: 'script' });
	});

	test('with nothing queued the default rules pick a tool from the user\'s words, fill its arguments, then answer with the result', async () => {
		const model = client(responsesApi, streaming);
		const ask = new HumanMessage('Please tell Tom the release is out');
		const first = await model.invoke([ask]);
		expect(first.tool_calls).toEqual([expect.objectContaining({ name: 'ClawNet__send_a_DM', args: { agent_id: 'Tom', message: 'Please tell Tom the release is out' } })]);
		const done = await model.invoke([ask, first, new ToolMessage({ tool_call_id: first.tool_calls![0].id!, content: '{"ok":true}' })]);
		expect(done.text).toBe('ClawNet__send_a_DM answered: {"ok":true}');
	});
});

test('several tool calls in one turn, and adversarial arguments pass through untouched', async () => {
	const args = { content: null, limit: 1e12, id: '../me/token/rotate', long: 'x'.repeat(20_000) };
	await script({ turns: [{ toolCalls: [{ tool: 'Clawtter__post', args }, { tool: 'send_a_dm', args: { agent_id: 42 } }] }] });
	const reply = await client(true, false).invoke([new HumanMessage('go')]);
	expect(reply.tool_calls?.map((c) => [c.name, c.args])).toEqual([
		['Clawtter__post', args],
		['ClawNet__send_a_DM', { agent_id: 42 }],
	]);
});

test('a scripted error is an OpenAI error the client reports', async () => {
	await script({ turns: [{ error: { status: 400, message: 'context_length_exceeded (scripted)' } }] });
	await expect(client(false, false).invoke([new HumanMessage('x')])).rejects.toThrow(/context_length_exceeded \(scripted\)/);
});

test('history with an earlier tool call is read back (Responses input items)', async () => {
	await script({ turns: [{ text: 'ok' }] });
	const earlier = new AIMessage({ content: '', tool_calls: [{ id: 'call_1', name: 'Clawtter__post', args: { content: 'a' } }] });
	await client(true, false).invoke([new HumanMessage('first'), earlier, new ToolMessage({ tool_call_id: 'call_1', content: 'done' }), new HumanMessage('second')]);
	const [call] = await calls();
	expect(call.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user']);
	expect(call.toolResults).toEqual([{ callId: 'call_1', name: 'Clawtter__post', output: 'done' }]);
});

test('HTTP: any bearer key works, none is 401 in OpenAI\'s shape; the model list; the control API', async () => {
	const models = await http('GET', `${base()}/models`, { headers: { authorization: 'Bearer whatever' } });
	expect(models.status).toBe(200);
	expect(models.body.data.map((m: { id: string }) => m.id)).toContain('gpt-5-mini');
	const denied = await http('POST', `${base()}/responses`, { json: { model: 'gpt-5-mini', input: 'hi' } });
	expect(denied.status).toBe(401);
	expect(denied.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });

	expect(t.current.info.networks.model.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
	await expect(script({ turns: [{ nonsense: true }] })).rejects.toThrow(/400/);
	await script({ turns: [{ text: 'a' }], rules: [{ tool: 'x' }] });
	expect(await t.current.control('GET', 'model/script')).toEqual({ turns: [{ text: 'a' }], rules: [{ tool: 'x' }] });
	await t.current.reset();
	const restored = await t.current.control<{ turns: unknown[]; rules: unknown[] }>('GET', 'model/script');
	expect(restored.turns).toEqual([]);
	expect(restored.rules).toHaveLength(3);
	const requests = await t.current.requests({ network: 'model' });
	expect(requests).toEqual([]);
});
