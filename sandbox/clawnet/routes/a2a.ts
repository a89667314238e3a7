/**
 * Agent-to-agent tasks over JSON-RPC 2.0 (April 2026): `POST /a2a/:agent` is an agent's A2A
 * endpoint (`message/send` starts or continues a task with it), `POST /a2a` the caller's own
 * (its task lists and answers, its card, tasks to external endpoints); agent cards at
 * `/a2a/:agent/.well-known/agent-card.json` and the catalog at `/.well-known/agent-card.json`.
 */
import { json } from '../../core/http';
import type { SandboxEnv } from '../../core/types';
import type { ClawNetApi } from '../api';
import { notFound } from '../errors';
import { limit, limitAgent } from '../auth';
import { RPC, RpcError, invalidParams, rpcEndpoint, taskNotFound } from '../jsonrpc';
import type { RpcCall, RpcMethod } from '../jsonrpc';
import { cancel, continueTask, createExternalTask, createTask, partsOf, respond, RESPOND_STATES, statesParam, taskFor, taskView, tasksOf } from '../model/tasks';
import type { Agent, Artifact, CardSkill, ClawNetState, TaskState } from '../state';
import { findAgent, keyOf, newId } from '../state';
import { a2aUrl } from '../views';

/** tasks/list: default 50, at most 100 (tools.ts; "API max … tasks 100"). */
export const TASK_LIST_MAX = 100;
export const EXTERNAL_PER_HOUR = 10;
export const SKILLS_MAX = 50;

function roleParam(params: Record<string, unknown>): 'sender' | 'recipient' {
	const role = params.role ?? 'recipient';
	if (role !== 'sender' && role !== 'recipient') throw invalidParams('role must be sender or recipient');
	return role;
}

function limitOf(params: Record<string, unknown>): number {
	const value = params.limit ?? 50;
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > TASK_LIST_MAX) throw invalidParams(`limit must be an integer from 1 to ${TASK_LIST_MAX}`);
	return n;
}

const view = ({ state, env, agent }: RpcCall, task: Parameters<typeof taskView>[2]) => taskView(state, env, task, agent);

function artifactsOf(env: SandboxEnv, value: unknown): Artifact[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw invalidParams('artifacts must be an array of {parts: [{kind: "text", text}]}');
	return value.map((a, i) => {
		const name = a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined;
		return { artifactId: newId(env, 'art', 12), ...(typeof name === 'string' ? { name } : {}), parts: partsOf(a, `artifacts[${i}]`) };
	});
}

/** The A2A card of an agent: its endpoint, JSON-RPC, text in and out, its skills (its capabilities when it set none). */
export function agentCard(env: SandboxEnv, agent: Agent): Record<string, unknown> {
	const skills: CardSkill[] = agent.skills.length
		? agent.skills
		: agent.capabilities.map((c) => ({ id: c, name: c, description: `${c} (from the agent's capabilities)`, tags: [c] }));
	return {
		protocolVersion: '0.3.0',
		name: agent.agent_id,
		description: agent.bio,
		url: a2aUrl(env, agent),
		preferredTransport: 'JSONRPC',
		version: '1.0.0',
		provider: { organization: 'ClawNet', url: env.baseUrl() },
		capabilities: { streaming: false, pushNotifications: false, stateTransitionHistory: true },
		defaultInputModes: ['text/plain'],
		defaultOutputModes: ['text/plain'],
		skills: skills.map((s) => ({ id: s.id, name: s.name, description: s.description, tags: [...s.tags] })),
		securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A ClawNet agent token (clwnt_…)' } },
		security: [{ bearer: [] }],
	};
}

function skillsOf(value: unknown): CardSkill[] {
	if (!Array.isArray(value)) throw invalidParams('skills is required: an array of {id, name, description}');
	if (value.length > SKILLS_MAX) throw invalidParams(`skills must have at most ${SKILLS_MAX} entries (got ${value.length})`);
	const ids = new Set<string>();
	return value.map((raw, i) => {
		const s = (raw ?? {}) as Record<string, unknown>;
		for (const field of ['id', 'name']) if (typeof s[field] !== 'string' || (s[field] as string).trim() === '') throw invalidParams(`skills[${i}].${field} is required`);
		if (s.description !== undefined && typeof s.description !== 'string') throw invalidParams(`skills[${i}].description must be a string`);
		if (s.tags !== undefined && (!Array.isArray(s.tags) || s.tags.some((t) => typeof t !== 'string'))) throw invalidParams(`skills[${i}].tags must be an array of strings`);
		if (ids.has(s.id as string)) throw invalidParams(`skills[${i}].id ${String(s.id)} appears twice`);
		ids.add(s.id as string);
		return { id: s.id as string, name: s.name as string, description: (s.description as string | undefined) ?? '', tags: (s.tags as string[] | undefined) ?? [] };
	});
}

/** Only https, and not an address inside a private network (the server's SSRF checks). */
function externalUrl(value: unknown): string {
	if (typeof value !== 'string' || value === '') throw invalidParams('url is required: the https A2A endpoint');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw invalidParams('url must be an absolute https URL');
	}
	if (url.protocol !== 'https:') throw invalidParams('Only https URLs are supported for external A2A endpoints', { error: 'https_required' });
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	const internal =
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host.endsWith('.internal') ||
		/^(127\.|10\.|0\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host) ||
		host === '::1' ||
		/^f[cd]/.test(host) ||
		/^fe80:/.test(host);
	if (internal) throw invalidParams(`url ${host} is a private or local address`, { error: 'url_not_allowed' });
	return url.toString();
}

/** The agent whose endpoint was called; 404 (JSON-RPC body) for an unknown one. */
function endpointAgent(call: RpcCall): Agent {
	const agent = findAgent(call.state, call.req.params.agent);
	if (!agent) throw new RpcError(RPC.invalidParams, `Agent ${call.req.params.agent} not found`, { error: 'not_found' }, 404);
	return agent;
}

const taskGet: RpcMethod = (call) => view(call, taskFor(call.state, call.env, call.agent, call.params.id));
const taskCancel: RpcMethod = (call) => view(call, cancel(call.state, call.env, taskFor(call.state, call.env, call.agent, call.params.id)));

export function a2aRoutes(api: ClawNetApi): void {
	const a2a = api.only('a2a');

	a2a.handle(
		'POST',
		'/a2a/:agent',
		rpcEndpoint(
			{
				'message/send': (call) => {
					const { state, env, agent, params } = call;
					const recipient = endpointAgent(call);
					limitAgent(env, 'send', agent);
					const parts = partsOf(params.message, 'message');
					// The plugin sends `taskId` beside the message; the A2A specification puts it in the
					// Message itself. Both continue the task.
					const message = (params.message && typeof params.message === 'object' ? params.message : {}) as Record<string, unknown>;
					const taskId = params.taskId ?? message.taskId;
					if (taskId !== undefined && taskId !== null) {
						const task = taskFor(state, env, agent, taskId);
						if (keyOf(task.to) !== keyOf(recipient)) throw taskNotFound(taskId);
						return view(call, continueTask(state, env, agent, task, parts));
					}
					return view(call, createTask(state, env, agent, recipient, parts));
				},
				'tasks/get': taskGet,
				'tasks/cancel': taskCancel,
			},
			(call) => void endpointAgent(call),
		),
	);

	a2a.handle(
		'POST',
		'/a2a',
		rpcEndpoint({
			// Newest state change first; `total` counts every match.
			'tasks/list': (call) => {
				const { state, env, agent, params } = call;
				const max = limitOf(params);
				const tasks = tasksOf(state, env, agent, roleParam(params), statesParam(params.status)).sort((a, b) => b.updated_at - a.updated_at || (a.id < b.id ? 1 : -1));
				return { tasks: tasks.slice(0, max).map((t) => view(call, t)), total: tasks.length };
			},
			'tasks/get': taskGet,
			'tasks/respond': (call) => {
				const { state, env, agent, params } = call;
				const task = taskFor(state, env, agent, params.id);
				const to = params.state;
				if (typeof to !== 'string' || !(RESPOND_STATES as readonly string[]).includes(to)) throw invalidParams(`state must be one of: ${RESPOND_STATES.join(', ')}`);
				const reply = params.message === undefined || params.message === null ? null : partsOf(params.message, 'message');
				return view(call, respond(state, env, agent, task, to as TaskState, reply, artifactsOf(env, params.artifacts)));
			},
			'tasks/cancel': taskCancel,
			'tasks/count': ({ state, env, agent, params }) => ({ count: tasksOf(state, env, agent, roleParam(params), statesParam(params.status)).length }),
			'card/update': ({ env, agent, params }) => {
				agent.skills = skillsOf(params.skills);
				return { card: agentCard(env, agent) };
			},
			'tasks/send-external': (call) => {
				const { state, env, agent, params } = call;
				const url = externalUrl(params.url);
				const parts = partsOf(params.message, 'message');
				limit(env, 'a2a_external', keyOf(agent), EXTERNAL_PER_HOUR);
				if (params.taskId !== undefined && params.taskId !== null) {
					const task = taskFor(state, env, agent, params.taskId);
					if (task.external_url !== url) throw taskNotFound(params.taskId);
					return view(call, continueTask(state, env, agent, task, parts));
				}
				return view(call, createExternalTask(state, env, agent, url, parts));
			},
		}),
	);

	a2a.handle('GET', '/a2a/:agent/.well-known/agent-card.json', (req, state: ClawNetState, env) => {
		const agent = findAgent(state, req.params.agent);
		if (!agent) throw notFound(`Agent ${req.params.agent} not found`);
		return json(200, agentCard(env, agent));
	});

	// The catalog: every agent's card link.
	a2a.handle('GET', '/.well-known/agent-card.json', (_req, state: ClawNetState, env) =>
		json(200, {
			name: 'ClawNet',
			description: 'Agent-to-agent tasks between ClawNet agents (A2A, JSON-RPC 2.0).',
			url: `${env.baseUrl()}/a2a`,
			protocolVersion: '0.3.0',
			agents: [...state.agents.values()].map((a) => ({
				name: a.agent_id,
				description: a.bio,
				url: a2aUrl(env, a),
				card_url: `${a2aUrl(env, a)}/.well-known/agent-card.json`,
			})),
		}),
	);
}
