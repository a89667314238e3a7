/**
 * A2A tasks (April 2026): created by `message/send` on `/a2a/:agent` (and by `POST /send`),
 * answered by the recipient with `tasks/respond`, continued by the sender with `message/send` +
 * `taskId`, canceled by either side, expired by the server 7 days after creation.
 *
 * States (A2A v0.3.0 names): submitted → working → input-required ⇄ submitted (the sender
 * answers) → completed | failed | canceled. The last three are final.
 */
import { HttpError } from '../../core/httpError';
import type { SandboxEnv } from '../../core/types';
import { RPC, RpcError, invalidParams, taskNotFound } from '../jsonrpc';
import type { Agent, Artifact, ClawNetState, Task, TaskMessage, TaskPart, TaskState } from '../state';
import { DAY, SYSTEM_AGENT, TERMINAL_STATES, keyOf, later, newId, stamp } from '../state';
import { answerCommand } from './clawnetAgent';
import { contactView, findContact, refuses, touchContact, trustOf } from './contacts';

const TASK_TTL = 7 * DAY;
export const TASK_STATES: readonly TaskState[] = ['submitted', 'working', 'input-required', 'completed', 'failed', 'canceled'];
/** What a recipient may set with tasks/respond. */
export const RESPOND_STATES: readonly TaskState[] = ['completed', 'input-required', 'working', 'failed'];
/** The longest text of one message, as a DM's. */
const TASK_TEXT_MAX = 10000;

export const isFinal = (state: TaskState): boolean => TERMINAL_STATES.includes(state);

/** The text parts of an A2A message object `{role, parts: [{kind: "text", text}]}`, or of a plain string. */
export function partsOf(value: unknown, field: string): TaskPart[] {
	if (typeof value === 'string') {
		if (value.trim() === '') throw invalidParams(`${field} must not be blank`);
		return [{ kind: 'text', text: value }];
	}
	const parts = value && typeof value === 'object' ? (value as Record<string, unknown>).parts : undefined;
	if (!Array.isArray(parts) || parts.length === 0) throw invalidParams(`${field} must be a message object {role, parts: [{kind: "text", text}]} (or a string)`);
	const out: TaskPart[] = [];
	for (const part of parts) {
		const p = (part ?? {}) as Record<string, unknown>;
		if ((p.kind !== undefined && p.kind !== 'text') || typeof p.text !== 'string') throw invalidParams(`${field}.parts: only text parts {kind: "text", text} are supported`, { error: 'unsupported_part' });
		out.push({ kind: 'text', text: p.text });
	}
	const length = [...out.map((p) => p.text).join('')].length;
	if (out.every((p) => p.text.trim() === '')) throw invalidParams(`${field} must have some text`);
	if (length > TASK_TEXT_MAX) throw invalidParams(`${field} must be at most ${TASK_TEXT_MAX} characters (got ${length})`);
	return out;
}

function message(env: SandboxEnv, role: TaskMessage['role'], parts: TaskPart[], at: number): TaskMessage {
	return { role, parts, messageId: newId(env, 'm', 16), at };
}

/** Final after 7 days: tasks still open at `expires_at` fail (the server's cron, run on every read). */
export function expireTasks(state: ClawNetState, env: SandboxEnv): void {
	const now = env.clock.now();
	for (const task of state.tasks.values()) {
		if (isFinal(task.state) || task.expires_at > now) continue;
		task.state = 'failed';
		task.expired = true;
		task.updated_at = task.expires_at;
		task.status_message = message(env, 'agent', [{ kind: 'text', text: 'Task expired: not completed within 7 days.' }], task.expires_at);
	}
}

function setState(task: Task, to: TaskState, at: number, statusMessage: TaskMessage | null): void {
	task.state = to;
	task.updated_at = at;
	task.status_message = statusMessage;
}

/** Stores a submitted task from `sender` to `to` (an agent id or an external URL). */
function storeTask(state: ClawNetState, env: SandboxEnv, sender: Agent, to: string, external: boolean, parts: TaskPart[], at: number): Task {
	const task: Task = {
		id: newId(env, 'task', 16),
		context_id: newId(env, 'ctx', 16),
		from: sender.agent_id,
		to,
		external_url: external ? to : null,
		external_task_id: null,
		state: 'submitted',
		status_message: null,
		history: [message(env, 'user', parts, at)],
		artifacts: [],
		created_at: at,
		updated_at: at,
		expires_at: at + TASK_TTL,
		expired: false,
	};
	state.tasks.set(task.id, task);
	return task;
}

/** A new task from one ClawNet agent to another. 403 `blocked` when the recipient refuses the sender. */
export function createTask(state: ClawNetState, env: SandboxEnv, sender: Agent, recipient: Agent, parts: TaskPart[], at = stamp(state, env)): Task {
	if (keyOf(sender) === keyOf(recipient)) throw new HttpError(400, 'invalid_request', 'You cannot send a task to yourself');
	if (refuses(state, recipient, sender)) throw new HttpError(403, 'blocked', `${recipient.agent_id} does not accept tasks from you`);
	const task = storeTask(state, env, sender, recipient.agent_id, false, parts, at);
	touchContact(state, env, sender, 'agent', recipient.agent_id, at);
	touchContact(state, env, recipient, 'agent', sender.agent_id, at);
	if (keyOf(recipient) === keyOf(SYSTEM_AGENT)) answerAsClawNet(state, env, sender, task);
	return task;
}

/** The ClawNet agent answers a task at once: its commands (Moltbook follows) as before, the answer as an artifact. */
function answerAsClawNet(state: ClawNetState, env: SandboxEnv, sender: Agent, task: Task): void {
	const text = answerCommand(state, env, sender, task.history[task.history.length - 1].parts.map((p) => p.text).join('\n'), task.updated_at);
	const at = later(state, task.updated_at);
	task.artifacts.push({ artifactId: newId(env, 'art', 12), name: 'answer', parts: [{ kind: 'text', text }] });
	setState(task, 'completed', at, null);
}

/** An external task (tasks/send-external): stored for the sender; the remote's answers arrive through the control API. */
export function createExternalTask(state: ClawNetState, env: SandboxEnv, sender: Agent, url: string, parts: TaskPart[]): Task {
	const at = stamp(state, env);
	const task = storeTask(state, env, sender, url, true, parts, at);
	touchContact(state, env, sender, 'external', url, at);
	return task;
}

/** A task the agent takes part in (sender or recipient); -32001 otherwise, so strangers learn nothing. */
export function taskFor(state: ClawNetState, env: SandboxEnv, agent: Agent, id: unknown): Task {
	if (typeof id !== 'string' || id === '') throw invalidParams('id is required: the task id');
	expireTasks(state, env);
	const task = state.tasks.get(id);
	if (!task || (keyOf(task.from) !== keyOf(agent) && keyOf(task.to) !== keyOf(agent))) throw taskNotFound(id);
	return task;
}

/** The sender continues a task (after input-required): the message joins the history; input-required goes back to submitted. */
export function continueTask(state: ClawNetState, env: SandboxEnv, sender: Agent, task: Task, parts: TaskPart[]): Task {
	if (keyOf(task.from) !== keyOf(sender)) throw new RpcError(RPC.invalidParams, 'Only the sender continues a task with message/send; the recipient answers with tasks/respond', { error: 'not_sender' });
	if (isFinal(task.state)) throw new RpcError(RPC.unsupportedOperation, `Task ${task.id} is ${task.state}: a final task cannot continue; send a new one`, { state: task.state });
	const at = stamp(state, env);
	task.history.push(message(env, 'user', parts, at));
	if (task.state === 'input-required') setState(task, 'submitted', at, null);
	else task.updated_at = at;
	return task;
}

/** The recipient answers: a new state, with a message (input-required, failed, …) and/or artifacts (completed). */
export function respond(
	state: ClawNetState,
	env: SandboxEnv,
	recipient: Agent,
	task: Task,
	to: TaskState,
	reply: TaskPart[] | null,
	artifacts: Artifact[],
	at = stamp(state, env),
): Task {
	if (keyOf(task.to) !== keyOf(recipient)) throw new RpcError(RPC.invalidParams, 'Only the recipient responds to a task; the sender continues it with message/send and taskId', { error: 'not_recipient' });
	if (isFinal(task.state)) throw new RpcError(RPC.invalidParams, `Task ${task.id} is ${task.state}: a final task cannot change state`, { error: 'task_final', state: task.state });
	const statusMessage = reply ? message(env, 'agent', reply, at) : null;
	if (statusMessage) task.history.push(statusMessage);
	task.artifacts.push(...artifacts);
	setState(task, to, at, statusMessage);
	return task;
}

/** The remote end of an external task answered (what the server learns when it polls the remote's tasks/get). */
export function externalUpdate(state: ClawNetState, env: SandboxEnv, task: Task, to: TaskState, reply: TaskPart[] | null, remoteId: string | null): Task {
	if (!task.external_url) throw new HttpError(400, 'invalid_request', `Task ${task.id} is not an external task`);
	if (isFinal(task.state)) throw new HttpError(409, 'task_final', `Task ${task.id} is ${task.state}`);
	const at = stamp(state, env);
	const statusMessage = reply ? message(env, 'agent', reply, at) : null;
	if (statusMessage) task.history.push(statusMessage);
	if (to === 'completed' && reply) task.artifacts.push({ artifactId: newId(env, 'art', 12), parts: reply });
	if (remoteId) task.external_task_id = remoteId;
	setState(task, to, at, statusMessage);
	return task;
}

/** Either side cancels an open task. */
export function cancel(state: ClawNetState, env: SandboxEnv, task: Task): Task {
	if (isFinal(task.state)) throw new RpcError(RPC.taskNotCancelable, `Task cannot be canceled: it is ${task.state}`, { state: task.state });
	setState(task, 'canceled', stamp(state, env), null);
	return task;
}

/** Tasks of an agent as `role` (recipient: sent to it; sender: sent by it), optionally in some states. */
export function tasksOf(state: ClawNetState, env: SandboxEnv, agent: Agent, role: 'sender' | 'recipient', states?: readonly TaskState[]): Task[] {
	expireTasks(state, env);
	const key = keyOf(agent);
	return [...state.tasks.values()].filter((t) => keyOf(role === 'sender' ? t.from : t.to) === key && (!states || states.includes(t.state)));
}

const textOf = (parts: TaskPart[]) => parts.map((p) => ({ kind: p.kind, text: p.text }));

/**
 * A task as A2A shows it (`kind`, `id`, `contextId`, `status{state, timestamp, message?}`,
 * `history`, `artifacts`, `metadata`) plus what ClawNet's plugin reads: `from`, `to`, top-level
 * `state`, the viewer's `trustTier` of the other side and its `contact`.
 */
export function taskView(state: ClawNetState, env: SandboxEnv, task: Task, viewer: Agent): Record<string, unknown> {
	const other = keyOf(task.from) === keyOf(viewer) ? task.to : task.from;
	const contact = findContact(state, viewer, other);
	const msg = (m: TaskMessage) => ({ kind: 'message', role: m.role, parts: textOf(m.parts), messageId: m.messageId, taskId: task.id, contextId: task.context_id });
	return {
		kind: 'task',
		id: task.id,
		contextId: task.context_id,
		status: { state: task.state, timestamp: env.clock.iso(task.updated_at), ...(task.status_message ? { message: msg(task.status_message) } : {}) },
		state: task.state,
		history: task.history.map(msg),
		artifacts: task.artifacts.map((a) => ({ artifactId: a.artifactId, ...(a.name ? { name: a.name } : {}), parts: textOf(a.parts) })),
		metadata: {
			created_at: env.clock.iso(task.created_at),
			expires_at: env.clock.iso(task.expires_at),
			...(task.expired ? { expired: true } : {}),
			...(task.external_url ? { external_url: task.external_url, external_task_id: task.external_task_id } : {}),
		},
		from: task.from,
		to: task.to,
		trustTier: trustOf(state, viewer, other),
		contact: contact ? contactView(env, contact) : null,
	};
}

/** Parsed `status` filter: one state or several comma-separated; `all` (or absent) = any. */
export function statesParam(value: unknown): TaskState[] | undefined {
	if (value === undefined || value === null || value === '' || value === 'all') return undefined;
	if (typeof value !== 'string') throw invalidParams('status must be a string: a state or comma-separated states');
	const states = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
	for (const s of states) if (!(TASK_STATES as readonly string[]).includes(s)) throw invalidParams(`status ${s} is not a task state (${TASK_STATES.join(', ')}, or all)`);
	return states as TaskState[];
}
