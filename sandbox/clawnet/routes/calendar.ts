/** Calendar events (April 2026): create (attendees get invitations), list a window, update, delete. */
import type { ClawNetApi } from '../api';
import { created, ok } from '../api';
import { invalid, notFound } from '../errors';
import { REMIND_DEFAULT, REMIND_MAX, eventView, eventsOf, notifyAttendees } from '../model/calendar';
import { ADDRESS } from '../model/mail';
import { bodyOf, optionalFlag, optionalInt, optionalText, optionalTime, requiredText, timeParam } from '../params';
import type { Attendee, CalendarEvent } from '../state';
import { DAY, keyOf, newId, stamp } from '../state';

export const TITLE_MAX = 200;
export const ATTENDEES_MAX = 50;

function attendeesOf(value: unknown): Attendee[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw invalid('attendees must be an array of {email, name?}');
	if (value.length > ATTENDEES_MAX) throw invalid(`attendees must have at most ${ATTENDEES_MAX} entries (got ${value.length})`);
	return value.map((a, i) => {
		const entry = (a ?? {}) as Record<string, unknown>;
		if (typeof entry.email !== 'string' || !ADDRESS.test(entry.email)) throw invalid(`attendees[${i}].email must be an email address`);
		if (entry.name !== undefined && entry.name !== null && typeof entry.name !== 'string') throw invalid(`attendees[${i}].name must be a string`);
		return { email: entry.email, name: (entry.name as string | undefined) ?? null };
	});
}

function missing(field: string): never {
	throw invalid(`${field} is required`);
}

/** The fields create and update share, checked in full before anything changes. */
function fields(body: Record<string, unknown>, creating: boolean) {
	return {
		title: creating ? requiredText(body, 'title', { max: TITLE_MAX }) : (optionalText(body, 'title', { max: TITLE_MAX }) ?? undefined),
		starts_at: creating && (body.starts_at === undefined || body.starts_at === null || body.starts_at === '') ? missing('starts_at') : optionalTime(body, 'starts_at'),
		ends_at: optionalTime(body, 'ends_at'),
		all_day: optionalFlag(body, 'all_day'),
		location: optionalText(body, 'location', { max: 500 }),
		description: optionalText(body, 'description', { max: 10000 }),
		remind_minutes: optionalInt(body, 'remind_minutes', 0, REMIND_MAX),
	};
}

export function calendarRoutes(api: ClawNetApi): void {
	const a2a = api.only('a2a');

	a2a.authed('POST', '/calendar/events', ({ req, state, env, agent }) => {
		const body = bodyOf(req);
		const f = fields(body, true);
		const attendees = attendeesOf(body.attendees);
		const startsAt = f.starts_at as number;
		if (f.ends_at !== undefined && f.ends_at !== null && f.ends_at < startsAt) throw invalid('ends_at must not be before starts_at');
		const at = stamp(state, env);
		const event: CalendarEvent = {
			id: newId(env, 'evt', 12),
			owner: keyOf(agent),
			title: f.title as string,
			starts_at: startsAt,
			ends_at: f.ends_at ?? null,
			all_day: f.all_day ?? false,
			location: f.location ?? null,
			description: f.description ?? null,
			remind_minutes: f.remind_minutes === undefined ? REMIND_DEFAULT : f.remind_minutes,
			attendees,
			created_at: at,
			updated_at: at,
			reminded_for: null,
		};
		state.events.set(event.id, event);
		notifyAttendees(state, env, agent, event, 'Invitation', at);
		return created({ event: eventView(env, event) });
	});

	// Events overlapping [from, to]: from defaults to now, to to 30 days later; by start time.
	a2a.authed('GET', '/calendar/events', ({ req, state, env, agent }) => {
		const from = timeParam(req, 'from') ?? env.clock.now();
		const to = timeParam(req, 'to') ?? from + 30 * DAY;
		if (to < from) throw invalid('to must not be before from');
		const q = req.query.q?.toLowerCase();
		const events = eventsOf(state, agent)
			.filter((e) => e.starts_at <= to && (e.ends_at ?? e.starts_at) >= from)
			.filter((e) => !q || [e.title, e.description ?? '', e.location ?? ''].some((v) => v.toLowerCase().includes(q)))
			.sort((a, b) => a.starts_at - b.starts_at);
		return ok({ events: events.map((e) => eventView(env, e)) });
	});

	// Any create field except attendees; attendees get the updated invitation.
	a2a.authed('PATCH', '/calendar/events/:event_id', ({ req, state, env, agent }) => {
		const event = state.events.get(req.params.event_id);
		if (!event || event.owner !== keyOf(agent)) throw notFound(`Event ${req.params.event_id} not found`);
		const body = bodyOf(req);
		if ('attendees' in body) throw invalid('attendees cannot be changed with PATCH');
		const f = fields(body, false);
		if (Object.values(f).every((v) => v === undefined)) throw invalid('Send at least one of: title, starts_at, ends_at, all_day, location, description, remind_minutes');
		if (f.starts_at === null) throw invalid('starts_at cannot be removed');
		const startsAt = f.starts_at ?? event.starts_at;
		const endsAt = f.ends_at === undefined ? event.ends_at : f.ends_at;
		if (endsAt !== null && endsAt < startsAt) throw invalid('ends_at must not be before starts_at');
		if (f.title !== undefined) event.title = f.title;
		event.starts_at = startsAt;
		event.ends_at = endsAt;
		if (f.all_day !== undefined) event.all_day = f.all_day;
		if (f.location !== undefined) event.location = f.location;
		if (f.description !== undefined) event.description = f.description;
		if (f.remind_minutes !== undefined) event.remind_minutes = f.remind_minutes;
		event.updated_at = stamp(state, env);
		notifyAttendees(state, env, agent, event, 'Updated invitation', event.updated_at);
		return ok({ event: eventView(env, event) });
	});

	a2a.authed('DELETE', '/calendar/events/:event_id', ({ req, state, env, agent }) => {
		const event = state.events.get(req.params.event_id);
		if (!event || event.owner !== keyOf(agent)) throw notFound(`Event ${req.params.event_id} not found`);
		state.events.delete(event.id);
		notifyAttendees(state, env, agent, event, 'Canceled', stamp(state, env));
		return ok({ id: event.id, deleted: true });
	});
}
