/**
 * What needs an agent's attention (April 2026), as GET /inbox/check counts it, and the
 * notification timer that call advances (`last_nagged_at`, one per agent):
 * - notify at once about anything created or changed after the last check (if `notify_on_new`);
 * - remind, every `remind_after_hours`, of what is still actionable: emails needing attention,
 *   incoming tasks awaiting an answer (submitted, working), sent tasks waiting for input;
 * - a sent task that completed or failed is reported once (the first check after it changed).
 */
import type { SandboxEnv } from '../../core/types';
import type { Agent, ClawNetState, Task } from '../state';
import { HOUR, stamp } from '../state';
import { deliverDueReminders } from './calendar';
import { inboxOf, needsAttention } from './mail';
import { tasksOf } from './tasks';

interface Item {
	changed: number;
	actionable: boolean;
}

function items(state: ClawNetState, env: SandboxEnv, agent: Agent, now: number): { emails: number; incoming: Task[]; sentUpdates: Task[]; all: Item[] } {
	const mail = inboxOf(state, agent).filter((m) => needsAttention(m, now));
	const incoming = tasksOf(state, env, agent, 'recipient', ['submitted', 'working']);
	const waiting = tasksOf(state, env, agent, 'sender', ['input-required']);
	const finished = tasksOf(state, env, agent, 'sender', ['completed', 'failed']).filter((t) => t.updated_at > agent.last_nagged_at);
	const all: Item[] = [
		// A snooze that ran out counts as a change when it ran out.
		...mail.map((m) => ({ changed: m.status === 'snoozed' ? Math.max(m.updated_at, m.snoozed_until ?? 0) : m.updated_at, actionable: true })),
		...incoming.map((t) => ({ changed: t.updated_at, actionable: true })),
		...waiting.map((t) => ({ changed: t.updated_at, actionable: true })),
		...finished.map((t) => ({ changed: t.updated_at, actionable: false })),
	];
	return { emails: mail.length, incoming, sentUpdates: [...waiting, ...finished], all };
}

/** The counters of GET /inbox/check; marks everything notifiable as notified (the call is not idempotent). */
export function check(state: ClawNetState, env: SandboxEnv, agent: Agent): Record<string, unknown> {
	const now = env.clock.now();
	deliverDueReminders(state, env, now);
	const found = items(state, env, agent, now);
	const fresh = (i: Item) => agent.notify_on_new && i.changed > agent.last_nagged_at;
	const reminderDue = agent.remind_after_hours !== null && now - agent.last_nagged_at >= agent.remind_after_hours * HOUR;
	const notify = found.all.filter((i) => fresh(i) || (reminderDue && i.actionable)).length;
	const mail = inboxOf(state, agent);
	const counters = {
		has_messages: found.emails > 0,
		count: found.emails,
		email_count: found.emails,
		new_count: mail.filter((m) => m.status === 'new').length,
		read_count: mail.filter((m) => m.status === 'read').length,
		task_count: found.incoming.filter((t) => t.state === 'submitted').length,
		sent_task_updates: found.sentUpdates.length,
		notify_count: notify,
		plugin_config: { deliver_channel: 'last', notify_on_new: agent.notify_on_new, remind_after_hours: agent.remind_after_hours },
	};
	// The mark is a stamp of its own: after every change recorded so far (stamps run ahead of the
	// clock under load) and before any change to come, even within the same millisecond.
	if (notify > 0) agent.last_nagged_at = stamp(state, env);
	return counters;
}
