/**
 * Calendar events (April 2026): the owner's events; each attendee gets an invitation by email
 * (with an .ics, named in the text), an update when the event changes and a cancellation when it
 * is deleted; `remind_minutes` before the start the owner gets a reminder in the inbox from
 * `ClawNet` ("Calendar reminder: …"), delivered when sandbox time reaches it.
 */
import type { SandboxEnv } from '../../core/types';
import type { Agent, CalendarEvent, ClawNetState } from '../state';
import { MINUTE, SYSTEM_AGENT, addressOf, keyOf } from '../state';
import { sendMail } from './mail';

export const REMIND_DEFAULT = 15;
export const REMIND_MAX = 10080;

function when(env: SandboxEnv, event: CalendarEvent): string {
	return event.all_day ? `${env.clock.iso(event.starts_at).slice(0, 10)} (all day)` : env.clock.iso(event.starts_at);
}

/** Emails every attendee about the event (`kind`: invitation, update, cancellation). */
export function notifyAttendees(state: ClawNetState, env: SandboxEnv, owner: Agent, event: CalendarEvent, kind: 'Invitation' | 'Updated invitation' | 'Canceled', at: number, attendees = event.attendees): void {
	if (attendees.length === 0) return;
	const lines = [
		`${kind}: ${event.title}`,
		`When: ${when(env, event)}${event.ends_at !== null ? ` – ${env.clock.iso(event.ends_at)}` : ''}`,
		...(event.location ? [`Where: ${event.location}`] : []),
		...(event.description ? ['', event.description] : []),
		'',
		`Attachment: ${event.id}.ics (text/calendar; METHOD:${kind === 'Canceled' ? 'CANCEL' : 'REQUEST'})`,
	];
	sendMail(state, env, { from: addressOf(owner), sender: owner, to: attendees.map((a) => a.email), cc: [], bcc: [], subject: `${kind}: ${event.title}`, body: lines.join('\n') }, at);
}

/** When the event's reminder is due (unix ms), or null. */
function reminderAt(event: CalendarEvent): number | null {
	return event.remind_minutes === null ? null : event.starts_at - event.remind_minutes * MINUTE;
}

/** Delivers every reminder whose time has come (once per start time). */
export function deliverDueReminders(state: ClawNetState, env: SandboxEnv, now: number): void {
	for (const event of state.events.values()) {
		const due = reminderAt(event);
		if (due === null || due > now || event.reminded_for === event.starts_at || event.starts_at < event.created_at) continue;
		event.reminded_for = event.starts_at;
		const owner = state.agents.get(event.owner);
		if (!owner) continue;
		const text = `Calendar reminder: ${event.title} starts ${event.all_day ? 'on' : 'at'} ${when(env, event)}${event.location ? ` (${event.location})` : ''}.`;
		sendMail(state, env, { from: SYSTEM_AGENT, to: [addressOf(owner)], cc: [], bcc: [], subject: `Calendar reminder: ${event.title}`, body: text }, Math.max(due, event.created_at));
	}
}

export function eventsOf(state: ClawNetState, agent: Agent): CalendarEvent[] {
	const key = keyOf(agent);
	return [...state.events.values()].filter((e) => e.owner === key);
}

export function eventView(env: SandboxEnv, event: CalendarEvent): Record<string, unknown> {
	return {
		id: event.id,
		title: event.title,
		starts_at: env.clock.iso(event.starts_at),
		ends_at: event.ends_at === null ? null : env.clock.iso(event.ends_at),
		all_day: event.all_day,
		location: event.location,
		description: event.description,
		remind_minutes: event.remind_minutes,
		attendees: event.attendees.map((a) => ({ email: a.email, name: a.name })),
		created_at: env.clock.iso(event.created_at),
		updated_at: env.clock.iso(event.updated_at),
	};
}
