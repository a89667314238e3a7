/**
 * ClawNet node — Contact, Calendar Event, Page, Rule, Notification Preference and the new
 * Profile fields (April 2026 API) through real n8n-core against the sandbox in its `a2a`
 * generation: what the sandbox received, the output items, and the limits checked before sending.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { http } from '../../harness/http';
import { json, paired, useClawNet } from './helpers';
import type { Json } from './helpers';

const c = useClawNet('a2a');
const DAY = 24 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('Contact', () => {
	test('Get Many: GET /contacts with filters; one item per contact; Limit cuts', async () => {
		const { items, error } = await c.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { type: 'email', q: 'alice' } });
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ method: 'GET', path: '/contacts', query: { type: 'email', q: 'alice' } });
		expect(items.map((i) => i.json.handle)).toEqual(['alice@example.com']);
		const all = await c.run({ resource: 'contact', operation: 'getMany', returnAll: true });
		const two = await c.run({ resource: 'contact', operation: 'getMany', limit: 2 });
		expect(all.items.length).toBeGreaterThan(2);
		expect(two.items).toHaveLength(2);
	});

	test('Update: PATCH /contacts/:id with tags as a list and the trust tier; nothing set is refused before sending', async () => {
		const [tom] = (await c.api('GET', '/contacts?type=agent&q=tom', 'n8n_agent')).contacts as Json[];
		const { items } = await c.run({ resource: 'contact', operation: 'update', contactId: tom.id, updateFields: { name: 'Tom R.', tags: 'Team, reviewers', trustTier: 'trusted' } });
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', path: `/contacts/${tom.id}`, body: { name: 'Tom R.', tags: ['Team', 'reviewers'], trust_tier: 'trusted' } });
		expect(items[0].json.contact).toMatchObject({ name: 'Tom R.', tags: ['team', 'reviewers'], trust_tier: 'trusted' });
		await c.refused({ resource: 'contact', operation: 'update', contactId: tom.id, updateFields: {} }, /^Set at least one of: Name \(name\)/);
		await c.refused({ resource: 'contact', operation: 'update', contactId: 'ct/../x', updateFields: { notes: 'x' } }, /^Contact ID \(contactId\) is not a ClawNet contact ID/);
	});
});

describe('Calendar Event', () => {
	test('Create: POST /calendar/events with ISO times, attendees and a reminder; the invitation reaches Sam', async () => {
		const starts = Date.now() + 2 * DAY;
		const { items, error } = await c.run({
			resource: 'calendarEvent',
			operation: 'create',
			title: 'Launch review',
			startsAt: iso(starts),
			attendees: { attendee: [{ email: 'sam@clwnt.com', name: 'Sam' }, { email: 'guest@example.com' }] },
			additionalFields: { endsAt: iso(starts + 1_800_000), location: 'Room 1', remindMinutes: 30 },
		});
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({
			method: 'POST',
			path: '/calendar/events',
			body: { title: 'Launch review', starts_at: iso(starts), ends_at: iso(starts + 1_800_000), location: 'Room 1', remind_minutes: 30, attendees: [{ email: 'sam@clwnt.com', name: 'Sam' }, { email: 'guest@example.com' }] },
			status: 201,
		});
		expect(items[0].json.event).toMatchObject({ id: expect.stringMatching(/^evt_/), title: 'Launch review', remind_minutes: 30 });
		expect(((await c.api('GET', '/inbox', 'Sam')).messages as Json[]).map((m) => m.subject)).toContain('Invitation: Launch review');
	});

	test('Create: No Reminder sends null; an end before the start, a bad attendee, a reminder over a week are refused before sending', async () => {
		const starts = Date.now() + DAY;
		const quiet = await c.run({ resource: 'calendarEvent', operation: 'create', title: 'quiet', startsAt: iso(starts), additionalFields: { noReminder: true } });
		expect((await c.sent())[0].body).toEqual({ title: 'quiet', starts_at: iso(starts), remind_minutes: null });
		expect(quiet.items[0].json.event).toMatchObject({ remind_minutes: null });
		await c.refused({ resource: 'calendarEvent', operation: 'create', title: 'x', startsAt: iso(starts), additionalFields: { endsAt: iso(starts - 1000) } }, /^Ends At \(additionalFields\.endsAt\) is before the start/);
		await c.refused({ resource: 'calendarEvent', operation: 'create', title: 'x', startsAt: iso(starts), attendees: { attendee: [{ email: 'nope' }] } }, /^Attendee 1 Email/);
		await c.refused({ resource: 'calendarEvent', operation: 'create', title: 'x', startsAt: iso(starts), additionalFields: { remindMinutes: 10081 } }, 'Remind Minutes Before (additionalFields.remindMinutes) is 10081; the maximum is 10080');
		await c.refused({ resource: 'calendarEvent', operation: 'create', title: 'x'.repeat(201), startsAt: iso(starts) }, 'Title (title) is too long: 201 characters; the limit is 200');
	});

	test('Get Many, Update, Delete', async () => {
		const list = await c.run({ resource: 'calendarEvent', operation: 'getMany', returnAll: true, filters: { q: 'weekly' } });
		expect((await c.sent())[0]).toMatchObject({ method: 'GET', path: '/calendar/events', query: { q: 'weekly' } });
		expect(list.items.map((i) => i.json.title)).toEqual(['Weekly sync']);
		const id = String(list.items[0].json.id);
		const later = await c.run({ resource: 'calendarEvent', operation: 'getMany', returnAll: true, filters: { from: iso(Date.now() + 35 * DAY), to: iso(Date.now() + 45 * DAY) } });
		expect(later.items).toEqual([]);
		const updated = await c.run({ resource: 'calendarEvent', operation: 'update', eventId: id, updateFields: { title: 'Weekly sync (moved)', remindMinutes: 60 } });
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', path: `/calendar/events/${id}`, body: { title: 'Weekly sync (moved)', remind_minutes: 60 } });
		expect(updated.items[0].json.event).toMatchObject({ title: 'Weekly sync (moved)' });
		await c.refused({ resource: 'calendarEvent', operation: 'update', eventId: id, updateFields: {} }, /^Set at least one of: Title/);
		const deleted = await c.run({ resource: 'calendarEvent', operation: 'delete', eventId: id });
		expect((await c.sent())[0]).toMatchObject({ method: 'DELETE', path: `/calendar/events/${id}` });
		expect(deleted.items[0].json).toEqual({ ok: true, id, deleted: true });
	});
});

describe('Page', () => {
	const html = '<!doctype html><title>Launch</title><h1>Hi 🦞</h1>';

	test('Create or Replace from the HTML field: PUT /pages/:slug with the raw text/html body; served publicly', async () => {
		const { items, error } = await c.run({ resource: 'page', operation: 'createOrReplace', slug: 'launch-2026', html });
		expect(error).toBeUndefined();
		const [request] = await c.sent();
		expect(request).toMatchObject({ method: 'PUT', path: '/pages/launch-2026', status: 201 });
		expect(request.headers['content-type']).toMatch(/^text\/html/);
		// The request log shows a raw body as its size and type; what ClawNet stored is served below.
		expect(request.body).toBe(`<${Buffer.byteLength(html)} bytes text/html; charset=utf-8>`);
		expect(items[0].json.page).toMatchObject({ slug: 'launch-2026', title: 'Launch', size: Buffer.byteLength(html) });
		expect((await http('GET', String((items[0].json.page as Json).url))).text).toBe(html);
	});

	test('Create or Replace from a binary property; the same slug replaces (200)', async () => {
		const input: INodeExecutionData[] = [{ json: {}, binary: { page: { data: Buffer.from('<h1>v2</h1>').toString('base64'), mimeType: 'text/html', fileName: 'index.html' } } }];
		await c.run({ resource: 'page', operation: 'createOrReplace', slug: 'launch-2026', html });
		const { items, error } = await c.run({ resource: 'page', operation: 'createOrReplace', slug: 'launch-2026', source: 'binary', binaryPropertyName: 'page' }, { input });
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ method: 'PUT', status: 200, body: '<11 bytes text/html; charset=utf-8>' });
		expect((await c.api('GET', '/pages/launch-2026', 'n8n_agent')).page.html).toBe('<h1>v2</h1>');
		expect(paired(items)).toEqual([{ item: 0 }]);
		const missing = await c.run({ resource: 'page', operation: 'createOrReplace', slug: 'x', source: 'binary', binaryPropertyName: 'nope' }, { input });
		expect(missing.error?.message).toMatch(/^Input Binary Field \(binaryPropertyName\): the input item has no binary property "nope"/);
	});

	test('limits before sending: 500 KB (512,000 bytes, counted in bytes), the slug shape, an empty page', async () => {
		const big = 'é'.repeat(256001); // 512,002 bytes
		await c.refused({ resource: 'page', operation: 'createOrReplace', slug: 'big', html: big }, 'HTML (html) is 512002 bytes; a page is at most 500 KB (512000 bytes)');
		await c.refused({ resource: 'page', operation: 'createOrReplace', slug: 'Upper', html }, /^Slug \(slug\) is not a page slug/);
		await c.refused({ resource: 'page', operation: 'createOrReplace', slug: 'empty', html: '  ' }, /^HTML \(html\) is (required|empty)/);
		const input: INodeExecutionData[] = [{ json: {}, binary: { data: { data: Buffer.alloc(512001, 'a').toString('base64'), mimeType: 'text/html', fileName: 'big.html' } } }];
		const binary = await c.run({ resource: 'page', operation: 'createOrReplace', slug: 'big', source: 'binary', binaryPropertyName: 'data' }, { input });
		expect(binary.error?.message).toMatch(/^Input Binary Field \(binaryPropertyName\) holds .*512001 bytes/);
		await c.expectNothingSent();
		expect((await c.run({ resource: 'page', operation: 'createOrReplace', slug: 'max', html: 'a'.repeat(512000) })).error).toBeUndefined();
	});

	test('Get, Get Many, Update, Delete', async () => {
		const got = await c.run({ resource: 'page', operation: 'get', slug: 'about' });
		expect((await c.sent())[0].path).toBe('/pages/about');
		expect(got.items[0].json.page).toMatchObject({ slug: 'about', html: expect.stringContaining('<h1>n8n agent</h1>') });
		const many = await c.run({ resource: 'page', operation: 'getMany', returnAll: true });
		expect(json(many.items).map((p) => p.slug)).toEqual(['about']);
		const updated = await c.run({ resource: 'page', operation: 'update', slug: 'about', updateFields: { isPublic: false, title: 'About' } });
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', path: '/pages/about', body: { is_public: false, title: 'About' } });
		expect(updated.items[0].json.page).toMatchObject({ is_public: false, title: 'About' });
		const deleted = await c.run({ resource: 'page', operation: 'delete', slug: 'about' });
		expect(deleted.items[0].json).toEqual({ ok: true, slug: 'about', deleted: true });
	});
});

describe('Rule, Notification Preference, Profile', () => {
	test('Rule → Get: GET /rules?scope=…', async () => {
		const global = await c.run({ resource: 'rule', operation: 'get' });
		expect((await c.sent())[0]).toMatchObject({ path: '/rules', query: { scope: 'global' } });
		expect((global.items[0].json.rules as Json[]).length).toBe(2);
		const own = await c.run({ resource: 'rule', operation: 'get', scope: 'agent' });
		expect(own.items[0].json).toMatchObject({ scope: 'agent', rules: [{ text: expect.stringMatching(/trusted contacts/) }] });
	});

	test('Notification Preference → Get / Update (remind 1–168 hours or never)', async () => {
		const got = await c.run({ resource: 'notificationPreference', operation: 'get' });
		expect((await c.sent())[0]).toMatchObject({ method: 'GET', path: '/me/notifications' });
		expect(got.items[0].json).toEqual({ ok: true, notify_on_new: true, remind_after_hours: 4 });
		const updated = await c.run({ resource: 'notificationPreference', operation: 'update', updateFields: { notifyOnNew: false, remindAfterHours: 24 } });
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', body: { notify_on_new: false, remind_after_hours: 24 } });
		expect(updated.items[0].json).toEqual({ ok: true, notify_on_new: false, remind_after_hours: 24 });
		const never = await c.run({ resource: 'notificationPreference', operation: 'update', updateFields: { remindAfterHours: 24, noReminders: true } });
		expect((await c.sent())[0].body).toEqual({ remind_after_hours: null });
		expect(never.items[0].json.remind_after_hours).toBeNull();
		await c.refused({ resource: 'notificationPreference', operation: 'update', updateFields: { remindAfterHours: 169 } }, 'Remind After Hours (updateFields.remindAfterHours) is 169; the maximum is 168');
		await c.refused({ resource: 'notificationPreference', operation: 'update', updateFields: {} }, /^Set at least one of/);
	});

	test('Profile → Update: avatar emoji, avatar URL and email_open; one emoji and https only', async () => {
		const { items, error } = await c.run({ resource: 'profile', operation: 'update', updateFields: { avatarEmoji: '🦞', avatarUrl: 'https://example.com/me.png', emailOpen: false } });
		expect(error).toBeUndefined();
		expect((await c.sent())[0]).toMatchObject({ method: 'PATCH', path: '/me', body: { avatar_emoji: '🦞', avatar_url: 'https://example.com/me.png', email_open: false } });
		expect(items[0].json).toMatchObject({ agent: { avatar_emoji: '🦞', avatar_url: 'https://example.com/me.png', email_open: false } });
		const family = await c.run({ resource: 'profile', operation: 'update', updateFields: { avatarEmoji: '👨‍👩‍👧' } });
		expect(family.error).toBeUndefined();
		await c.refused({ resource: 'profile', operation: 'update', updateFields: { avatarEmoji: '🦞🦞' } }, /^Avatar Emoji \(updateFields\.avatarEmoji\) must be a single emoji/);
		await c.refused({ resource: 'profile', operation: 'update', updateFields: { avatarUrl: 'http://example.com/a.png' } }, /^Avatar URL \(updateFields\.avatarUrl\) must be an https:\/\/ URL/);
	});
});
