import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { redactSecrets } from '../../shared/errors';
import { describeValue } from '../../shared/validation';

/**
 * ClawNet's agent-to-agent tasks (April 2026): JSON-RPC 2.0 on `POST /a2a` (your own tasks) and
 * `POST /a2a/:agent` (another agent's endpoint), with A2A v0.3.0 messages
 * `{role, parts: [{kind: "text", text}]}` (clawnet-current.md, "A2A").
 */

/** An A2A message holding one text part. */
export function textMessage(text: string, role: 'user' | 'agent' = 'user'): IDataObject {
	return { role, parts: [{ kind: 'text', text }] };
}

/**
 * preSend: the JSON-RPC request body for `method`, its params built from the item's parameters
 * (already checked by the input layer; `build` adds the checks that depend on several fields).
 */
export function rpcBody(
	method: string,
	build: (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => IDataObject | Promise<IDataObject>,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const params = await build.call(this, requestOptions);
		const rpcMethod = typeof params.__method === 'string' ? params.__method : method;
		delete params.__method;
		requestOptions.body = {
			jsonrpc: '2.0',
			// The same call gets the same id: the request guard recognises a write it already made in
			// this run by its body, so Retry On Fail does not send a task (or an answer) twice.
			id: `n8n-${rpcMethod}-${this.getItemIndex()}`,
			method: rpcMethod,
			params,
		};
		requestOptions.headers = { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/json' };
		return requestOptions;
	};
}

/** What to do about A2A's and JSON-RPC's error codes. */
const RPC_HINTS: Record<number, string> = {
	[-32700]: 'The request was not valid JSON.',
	[-32600]: 'The request was not a JSON-RPC 2.0 request.',
	[-32601]: 'This ClawNet does not know the method: the account may speak the older API (direct messages). See "Which ClawNet API does my account speak?" in the README.',
	[-32602]: 'ClawNet refused a parameter (see the message).',
	[-32001]: 'No such task, or not one you sent or received: check the task ID (Task → Get Many lists yours).',
	[-32002]: 'The task is already final (completed, failed or canceled) and cannot be canceled.',
	[-32004]: 'The task is final: start a new task instead of continuing this one.',
	[-32000]: 'ClawNet refused the call (see the message: a missing token, a block or a rate limit).',
};

/**
 * The node's error for a JSON-RPC answer with an `error` member (ClawNet's message, the code, what
 * to do), or undefined when the answer has none. Shared by the action node and the trigger.
 */
export function rpcError(node: INode, body: IDataObject, itemIndex?: number): NodeApiError | undefined {
	const error = body.error as IDataObject | undefined;
	if (!error || typeof error !== 'object') return undefined;
	const code = typeof error.code === 'number' ? error.code : undefined;
	const data = error.data && typeof error.data === 'object' ? (error.data as IDataObject) : undefined;
	const message = redactSecrets(typeof error.message === 'string' ? error.message : `ClawNet answered JSON-RPC error ${String(code)}`);
	return new NodeApiError(node, { message, code: code ?? null, ...(data ? { data } : {}) } as JsonObject, {
		message,
		description: `JSON-RPC error ${String(code)}${typeof data?.error === 'string' ? ` (${data.error})` : ''}. ${(code !== undefined && RPC_HINTS[code]) || ''}`.trim(),
		httpCode: '200',
		itemIndex,
	});
}

/**
 * postReceive: a JSON-RPC answer is an error when it has an `error` member (ClawNet answers them
 * with HTTP 200, as A2A's JSON-RPC binding does; HTTP errors are handled before, by the shared
 * layer); otherwise its `result` becomes the item.
 */
export const rpcResult: PostReceiveAction = async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
	return items.map((item) => {
		const body = item.json ?? {};
		const error = rpcError(this.getNode(), body, this.getItemIndex());
		if (error) throw error;
		if (!('result' in body) || body.result === null || typeof body.result !== 'object') {
			throw new NodeOperationError(this.getNode(), 'The answer has no JSON-RPC "result": it is not the documented shape', {
				itemIndex: this.getItemIndex(),
				description: `Answer received: ${redactSecrets(JSON.stringify(body) ?? '').slice(0, 200)}`,
			});
		}
		return { ...item, json: body.result as IDataObject };
	});
} as PostReceiveAction;

/** postReceive after rpcResult: one item per task of a `tasks/list` result, paired with its input. */
export const eachTask: PostReceiveAction = async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
	const pairedItem = { item: this.getItemIndex() };
	return items.flatMap((item) => {
		const tasks = item.json.tasks;
		if (!Array.isArray(tasks)) {
			throw new NodeOperationError(this.getNode(), 'The answer has no "tasks" list: it is not the documented shape', { itemIndex: this.getItemIndex() });
		}
		return tasks.map((task) => ({ json: withText(task as IDataObject), pairedItem }));
	});
} as PostReceiveAction;

/** The text parts of an A2A message or artifact, joined. */
function partsText(value: unknown): string | null {
	const parts = (value as IDataObject | undefined)?.parts;
	if (!Array.isArray(parts)) return null;
	const texts = parts.map((p) => (p as IDataObject)?.text).filter((t): t is string => typeof t === 'string');
	return texts.length ? texts.join('\n') : null;
}

/**
 * A task with two conveniences beside what ClawNet sent: `text`, the newest message's text (what
 * the other side asked or answered last), and `result_text`, the artifacts' text once completed.
 */
export function withText(task: IDataObject): IDataObject {
	if (!task || typeof task !== 'object' || !('history' in task || 'status' in task)) return task;
	const history = Array.isArray(task.history) ? task.history : [];
	const statusMessage = (task.status as IDataObject | undefined)?.message;
	const latest = partsText(statusMessage) ?? (history.length ? partsText(history[history.length - 1]) : null);
	const artifacts = Array.isArray(task.artifacts) ? task.artifacts.map(partsText).filter((t): t is string => t !== null) : [];
	return { ...task, text: latest, result_text: artifacts.length ? artifacts.join('\n') : null };
}

/** postReceive after rpcResult for operations answering one task. */
export const oneTask: PostReceiveAction = async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
	return items.map((item) => ({ ...item, json: withText(item.json) }));
} as PostReceiveAction;

/** An https URL of an external A2A endpoint; the problem in words otherwise. */
export function externalUrlProblem(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return `is not a URL; it is ${describeValue(value)}`;
	}
	if (url.protocol !== 'https:') return `must be an https:// URL (ClawNet calls external agents over https only); it is ${describeValue(value)}`;
	return undefined;
}
