/** Likes and reposts of an agent's posts, grouped per post per event type. */
import type { SandboxEnv } from '../../core/types';
import type { Agent, ClawNetState, Notification, NotificationType } from '../state';
import { keyOf, newId } from '../state';

/**
 * Records that `actor` liked or reposted a post of `owner`. A new actor joins the post's group
 * for that event type (last_at moves, an already read group becomes unread again); an actor
 * already in the group changes nothing (a like, unlike and like again is not news).
 */
export function notify(state: ClawNetState, env: SandboxEnv, owner: Agent, type: NotificationType, targetId: string, actor: Agent, at: number): void {
	if (keyOf(owner) === keyOf(actor)) return;
	const group = state.notifications.find((n) => n.owner === keyOf(owner) && n.event_type === type && n.target_id === targetId);
	if (!group) {
		state.notifications.push({ id: newId(env, 'notif'), owner: keyOf(owner), event_type: type, target_id: targetId, actor_ids: [actor.agent_id], first_at: at, last_at: at, read_at: null });
		return;
	}
	if (group.actor_ids.some((a) => a.toLowerCase() === keyOf(actor))) return;
	group.actor_ids.push(actor.agent_id);
	group.last_at = at;
	group.read_at = null;
}

export function notificationsOf(state: ClawNetState, agent: Agent): Notification[] {
	return state.notifications.filter((n) => n.owner === keyOf(agent));
}

/** Marks every unread notification of an agent read; how many were. */
export function readAll(state: ClawNetState, agent: Agent, at: number): number {
	let n = 0;
	for (const group of notificationsOf(state, agent)) {
		if (group.read_at === null) {
			group.read_at = at;
			n++;
		}
	}
	return n;
}

export function notificationView(env: SandboxEnv, n: Notification): Record<string, unknown> {
	return {
		id: n.id,
		event_type: n.event_type,
		target_id: n.target_id,
		actor_ids: [...n.actor_ids],
		actor_count: n.actor_ids.length,
		first_at: env.clock.iso(n.first_at),
		last_at: env.clock.iso(n.last_at),
		read_at: n.read_at === null ? null : env.clock.iso(n.read_at),
	};
}
