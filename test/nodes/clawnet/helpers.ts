/**
 * Shared wiring of the ClawNet node tests: run the node through real n8n-core against the
 * sandbox, read what the sandbox received, set data up through the sandbox's own HTTP API, and
 * check that no token ever reaches an output item or an error.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ClawNet } from '../../../nodes/ClawNet/ClawNet.node';
import type { LoggedRequest } from '../../../sandbox';
import { http } from '../../harness/http';
import type { HttpResult } from '../../harness/http';
import { PACKAGE, TestCredentialsHelper, nodeTypes, runNode } from '../../harness/n8n';
import type { RunNodeOptions, RunNodeResult } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

export const HOUR = 3_600_000;

/** A resource locator value as n8n stores it. */
export function rl(mode: 'list' | 'id' | 'url', value: string) {
	return { __rl: true, mode, value };
}

/** The three ways to pick the same agent. */
export const agentModes = (id: string): Array<[string, ReturnType<typeof rl>]> => [
	['list', rl('list', id)],
	['id', rl('id', id)],
	['url', rl('url', `https://clwnt.com/agents/${id}`)],
];

/** The three ways to pick the same post (the URL is any clwnt.com link containing the post ID). */
export const postModes = (id: string): Array<[string, ReturnType<typeof rl>]> => [
	['list', rl('list', id)],
	['id', rl('id', id)],
	['url', rl('url', `https://clwnt.com/posts/${id}?ref=feed`)],
];

export interface RunOptions {
	/** Seeded agent name or a token: whose credential the node uses (n8n_agent by default). */
	as?: string;
	/** Run with no credential at all. */
	noCredential?: boolean;
	/** Extra credential fields (e.g. a different Base URL). */
	credential?: ICredentialDataDecryptedObject;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The operation's output carries a newly issued token (Register, Rotate Token) in `token`. */
	issuesToken?: boolean;
	/** Node settings (Retry On Fail). */
	settings?: RunNodeOptions['settings'];
	/** The node type to run (default `clawNet`; `clawNetTool` for n8n's tool variant, see test/nodes/tool-output.test.ts). */
	type?: string;
}

export type Json = IDataObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const json = (items: INodeExecutionData[]): Json[] => items.map((i) => i.json as Json);
export const field = (items: INodeExecutionData[], key: string): string[] => items.map((i) => String(i.json[key]));
export const paired = (items: INodeExecutionData[]) => items.map((i) => i.pairedItem);

/** Everything a user could see of a run: items and the error with all its fields. */
function visible(result: RunNodeResult, dropIssuedToken: boolean): string {
	const items = result.items.map((item) => {
		const out: IDataObject = { ...item.json };
		if (dropIssuedToken) delete out.token;
		return { json: out, error: item.error ? { message: item.error.message, description: item.error.description, stack: item.error.stack, all: item.error } : undefined };
	});
	const e = result.error;
	return JSON.stringify({ items, error: e ? { message: e.message, description: e.description, stack: e.stack, all: e } : undefined });
}

/** `generation`: which ClawNet the file's sandbox speaks — the reference's (`dm`, default) or April 2026's (`a2a`). */
export function useClawNet(generation: 'dm' | 'a2a' = 'dm') {
	const t = useSandbox(generation === 'dm' ? {} : { settings: { clawnet: { generation } } });
	const base = () => t.current.info.networks.clawnet.baseUrl;
	const token = (who: string) => (who.startsWith('clwnt_') ? who : seededKey(t.current, 'clawnet', who));

	/**
	 * Runs the ClawNet node once (the request log is cleared first, so `sent()` is what this run
	 * sent) and checks that no token appears anywhere in what the run shows: not the credential's,
	 * not any other. Register and Rotate Token show the new token in `token` only.
	 */
	async function run(parameters: Record<string, unknown>, options: RunOptions = {}): Promise<RunNodeResult> {
		const credentialToken = options.noCredential ? undefined : token(options.as ?? 'n8n_agent');
		await t.current.control('DELETE', 'requests');
		const result = await runNode({
			type: options.type ?? 'clawNet',
			parameters: parameters as INodeParameters,
			credentials: credentialToken ? { clawNetApi: { token: credentialToken, baseUrl: base(), ...(options.credential ?? {}) } } : {},
			input: options.input,
			continueOnFail: options.continueOnFail,
			settings: options.settings,
		});
		const shown = visible(result, options.issuesToken === true);
		if (credentialToken) {
			expect(shown).not.toContain(credentialToken);
			expect(shown).not.toContain(credentialToken.slice(6, 26));
		}
		expect(shown).not.toMatch(/clwnt_[0-9a-f]{8}/);
		return result;
	}

	/**
	 * Runs an operation whose input breaks a documented limit: the node must refuse it before
	 * sending anything. Failing, the run's error has the message (n8n's RoutingNode re-wraps a
	 * preSend error as a NodeApiError without HTTP code); under Continue On Fail the item carries
	 * the node's own NodeOperationError, paired with its input.
	 */
	async function refused(parameters: Record<string, unknown>, message: string | RegExp, options: RunOptions = {}): Promise<RunNodeResult> {
		const failed = await run(parameters, options);
		expectLocalError(failed, message);
		await expectNothingSent();
		const itemised = await run(parameters, { ...options, continueOnFail: true, input: [{ json: { n: 1 } }] });
		expect(itemised.error).toBeUndefined();
		expect(itemised.items).toHaveLength(1);
		expect(itemised.items[0].json).toEqual({ error: failed.error!.message });
		expect(itemised.items[0].error?.name).toBe('NodeOperationError');
		expect(itemised.items[0].error?.message).toBe(failed.error!.message);
		expect(itemised.items[0].pairedItem).toEqual({ item: 0 });
		await expectNothingSent();
		return failed;
	}

	/**
	 * Calls one of the node's list searches (the "From List" mode of its locators) the way the
	 * editor does: through n8n-core's LoadOptionsContext, with n8n_agent's credential.
	 */
	async function listSearch(method: 'searchAgents' | 'searchOtherAgents' | 'searchPosts', filter?: string): Promise<INodeListSearchResult> {
		await t.current.control('DELETE', 'requests');
		const node: INode = {
			id: 'list-search',
			name: 'ClawNet',
			type: `${PACKAGE}.clawNet`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'agent', operation: 'get' },
			credentials: { clawNetApi: { id: 'clawNetApi-id', name: 'clawNetApi (test)' } },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const credentialsHelper = new TestCredentialsHelper({ clawNetApi: { token: token('n8n_agent'), baseUrl: base() } });
		const context = new LoadOptionsContext(workflow, node, { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData, 'parameters.agentId');
		return await new ClawNet().methods.listSearch[method].call(context, filter);
	}

	/** What the sandbox received from ClawNet clients since the last `run` (or reset). */
	const sent = (filter: { method?: string; path?: string } = {}): Promise<LoggedRequest[]> =>
		t.current.requests({ network: 'clawnet', ...filter });

	async function expectNothingSent(): Promise<void> {
		expect(await sent()).toEqual([]);
	}

	/** A direct call to the sandbox API (setup and checks), as a seeded agent or with a token. */
	async function call<T = Json>(method: string, path: string, who?: string, body?: unknown): Promise<HttpResult<T>> {
		return await http<T>(method, `${base()}${path}`, { headers: who ? { authorization: `Bearer ${token(who)}` } : {}, json: body });
	}

	/** Like `call`, but fails the test unless the API answered 2xx. */
	async function api<T = Json>(method: string, path: string, who?: string, body?: unknown): Promise<T> {
		const r = await call<T>(method, path, who, body);
		if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
		return r.body;
	}

	const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });

	/**
	 * Does `count` rate-limited actions, moving the sandbox clock on by an hour every `perHour`
	 * (so the hourly limits never bite).
	 */
	async function hourly<T>(count: number, perHour: number, action: (i: number) => Promise<T>): Promise<T[]> {
		const out: T[] = [];
		for (let i = 0; i < count; i++) {
			if (i > 0 && i % perHour === 0) await advance(HOUR);
			out.push(await action(i));
		}
		return out;
	}

	/** Registers agents `${prefix}001`… (10 registrations an hour per IP) and returns their tokens. */
	async function registerAgents(prefix: string, count: number): Promise<Array<{ id: string; token: string }>> {
		return await hourly(count, 10, async (i) => {
			const id = `${prefix}${String(i + 1).padStart(3, '0')}`;
			const body = await api<{ token: string }>('POST', '/register', undefined, { agent_id: id });
			return { id, token: body.token };
		});
	}

	/** Creates posts as an agent (10 an hour). */
	async function createPosts(who: string, count: number, content: (i: number) => string, extra: IDataObject = {}): Promise<string[]> {
		return await hourly(count, 10, async (i) => (await api<{ id: string }>('POST', '/posts', who, { content: content(i), ...extra })).id);
	}

	return {
		t,
		base,
		token,
		run,
		refused,
		listSearch,
		sent,
		expectNothingSent,
		call,
		api,
		advance,
		hourly,
		registerAgents,
		createPosts,
	};
}

/** Expects the ids to be distinct and to be exactly the expected set. */
export function expectSameSet(actual: string[], expected: string[]): void {
	expect(new Set(actual).size).toBe(actual.length);
	expect([...actual].sort()).toEqual([...expected].sort());
}

/**
 * The validation error of a run: the node checked a documented limit before sending. n8n's
 * RoutingNode re-wraps every preSend error of a failing node as a NodeApiError without an HTTP
 * code ('none'); the node's own NodeOperationError is what an item carries under Continue On Fail.
 */
export function expectLocalError(result: RunNodeResult, message: string | RegExp): void {
	expect(result.items).toEqual([]);
	expect(result.error).toBeDefined();
	// The rule comes first; every local refusal then says that nothing was sent.
	if (typeof message === 'string') expect(result.error!.message.startsWith(message)).toBe(true);
	else expect(result.error!.message).toMatch(message);
	expect(`${result.error!.message} ${result.error!.description ?? ''}`).toMatch(/nothing was sent/i);
	expect(result.error!.httpCode).toBe('none');
}
