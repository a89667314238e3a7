import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollBudget, PollMemory, leasedPoll, timeOf } from '../../shared/pollState';
import { apiRequest } from '../../shared/transport';
import { rpcError, withText } from '../shared/a2a';
import { ignoredAgents, nextDelivery, redeliveryPolicy } from './common';

/** tasks/list answers at most this many tasks, newest state change first, with the total. */
const LIST_MAX = 100;

/** tasks/list on POST /a2a; a JSON-RPC error (HTTP 200 with `error`) becomes the node's error. */
async function a2aList(this: IPollFunctions, budget: PollBudget, params: IDataObject): Promise<{ tasks: IDataObject[]; total: number }> {
	const body = (await apiRequest.call(this, 'clawnet', 'POST', '/a2a', {
		body: { jsonrpc: '2.0', id: `n8n-${Date.now()}`, method: 'tasks/list', params },
		timeout: budget.timeout(),
	})) as IDataObject;
	const error = rpcError(this.getNode(), body);
	if (error) throw error;
	const result = (body.result ?? {}) as IDataObject;
	const tasks = ((result.tasks as IDataObject[] | undefined) ?? []).map(withText);
	return { tasks, total: Number(result.total ?? tasks.length) };
}

const id = (t: IDataObject) => String(t.id);
const changedAt = (t: IDataObject) => timeOf((t.status as IDataObject | undefined)?.timestamp);
const state = (t: IDataObject) => String((t.status as IDataObject | undefined)?.state ?? t.state);
const version = (t: IDataObject) => `${state(t)}|${String((t.status as IDataObject | undefined)?.timestamp)}`;

/** [last emitted ms, deliveries, version] of an emitted task still waiting for an answer. */
type Pending = Record<string, [number, number, string]>;

/**
 * New Task: an agent sends you a task (it is `submitted`), or continues one you asked for input
 * on (it is `submitted` again). Each such turn is emitted once, with the sender's latest text; a
 * turn still unanswered after Redeliver After is emitted again (`redelivery: true`) until your
 * workflow answers it with Task → Respond. Idle poll: one tasks/list.
 */
export async function pollNewTasks(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const KEY = 'newTasks';
	const shaped = (t: IDataObject, attempt: number) => ({ json: { ...t, redelivery: attempt > 1, delivery_attempt: attempt } });
	if (this.getMode() === 'manual') {
		const { tasks } = await a2aList.call(this, PollBudget.of(this), { role: 'recipient', status: 'submitted', limit: LIST_MAX });
		return tasks[0] ? [[shaped(tasks[0], 1)]] : null;
	}
	return await leasedPoll(this, KEY, async (budget) => {
		const staticData = this.getWorkflowStaticData('node');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const policy = redeliveryPolicy(options);
		// No time floor: a task the list could not show (more than 100 wait) surfaces later with
		// its old time, and is still new. The version (state and its time) marks a new turn.
		const memory = PollMemory.load(staticData, KEY);
		const pending = memory.get<Pending>('pending', {});
		const { tasks, total } = await a2aList.call(this, budget, { role: 'recipient', status: 'submitted', limit: LIST_MAX });
		const oldestFirst = tasks.slice().sort((a, b) => (changedAt(a) ?? 0) - (changedAt(b) ?? 0));
		const fresh = memory.fresh(oldestFirst, id, undefined, version);
		const firstRun = !memory.initialized;
		const ignored = fresh.length ? await ignoredAgents.call(this) : new Set<string>();
		const emit = firstRun && options.emitExisting !== true ? [] : fresh.filter((t) => !ignored.has(String(t.from).toLowerCase()));
		const now = Date.now();
		const present = new Map(oldestFirst.map((t) => [id(t), t]));
		const items: INodeExecutionData[] = [];
		for (const [taskId, [last, deliveries, v]] of Object.entries(pending)) {
			const t = present.get(taskId);
			if (!t || version(t) !== v) {
				// Answered (no longer submitted, or submitted again as a new turn): done. Only
				// when the list was whole can absence be trusted.
				if (t || total <= tasks.length) delete pending[taskId];
				continue;
			}
			const next = nextDelivery(policy, last, deliveries, now);
			if (next === 'giveUp') delete pending[taskId];
			if (next !== 'redeliver') continue;
			pending[taskId] = [now, deliveries + 1, v];
			items.push(shaped(t, deliveries + 1));
		}
		for (const t of emit) {
			pending[id(t)] = [now, 1, version(t)];
			items.push(shaped(t, 1));
		}
		items.sort((a, b) => (changedAt(a.json) ?? 0) - (changedAt(b.json) ?? 0));
		memory.set('pending', pending);
		memory.remember(fresh, id, undefined, version);
		memory.save(staticData, KEY);
		return items.length ? [items] : null;
	});
}

/**
 * Task Update: a task you sent reaches input-required, completed or failed. Each change is emitted
 * once, with the recipient's latest text. tasks/list has no cursor: when all of its 100 newest
 * changes are new, the oldest emitted item carries `possible_gap: true`.
 */
export async function pollTaskUpdates(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const KEY = 'taskUpdates';
	const params = { role: 'sender', status: 'input-required,completed,failed', limit: LIST_MAX };
	if (this.getMode() === 'manual') {
		const { tasks } = await a2aList.call(this, PollBudget.of(this), params);
		return tasks[0] ? [[{ json: tasks[0] }]] : null;
	}
	return await leasedPoll(this, KEY, async (budget) => {
		const staticData = this.getWorkflowStaticData('node');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const memory = PollMemory.load(staticData, KEY);
		const { tasks, total } = await a2aList.call(this, budget, params);
		const oldestFirst = tasks.slice().sort((a, b) => (changedAt(a) ?? 0) - (changedAt(b) ?? 0));
		const fresh = memory.fresh(oldestFirst, id, undefined, version);
		const firstRun = !memory.initialized;
		const emit = firstRun && options.emitExisting !== true ? [] : fresh;
		const gap = !firstRun && total > tasks.length && fresh.length === tasks.length;
		memory.remember(fresh, id, undefined, version);
		memory.save(staticData, KEY);
		if (!emit.length) return null;
		return [emit.map((t, index) => ({ json: gap && index === 0 ? { ...t, possible_gap: true } : t }))];
	});
}
