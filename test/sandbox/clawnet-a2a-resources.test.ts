/**
 * ClawNet conformance, April 2026 generation — contacts, calendar events, HTML pages, rules,
 * notification preferences and the new profile fields (clawnet-current.md, "Contacts, calendar,
 * pages, rules", "Profile, account, auth, docs").
 */
import { http } from '../harness/http';
import { clawnetFixture } from './clawnet-fixture';

const { base, tokenOf, call, register, expectError, rpc, msg, control, advance } = clawnetFixture('a2a');

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

describe('contacts', () => {
	test('created from traffic (tasks both ways, email, external); type, tag and q filter', async () => {
		const r = await call('GET', '/contacts', 'n8n_agent');
		expect(r.status).toBe(200);
		const handles = r.body.contacts.map((c: { handle: string }) => c.handle);
		expect(handles).toEqual(expect.arrayContaining(['Tom', 'Sam', 'alice@example.com', 'tom@clwnt.com']));
		expect(r.body.contacts[0]).toEqual({
			id: expect.stringMatching(/^ct_/),
			type: expect.any(String),
			handle: expect.any(String),
			...(r.body.contacts[0].type === 'agent' ? { agent_id: expect.any(String) } : { email: expect.any(String) }),
			name: null,
			notes: '',
			tags: [],
			trust_tier: 'public',
			created_at: expect.any(String),
			updated_at: expect.any(String),
			last_interaction_at: expect.any(String),
		});
		expect((await call('GET', '/contacts?type=email', 'n8n_agent')).body.contacts.every((c: { type: string }) => c.type === 'email')).toBe(true);
		expect((await call('GET', '/contacts?q=alice', 'n8n_agent')).body.contacts.map((c: { handle: string }) => c.handle)).toEqual(['alice@example.com']);
		expectError(await call('GET', '/contacts?type=friend', 'n8n_agent'), 400, 'invalid_request');
	});

	test('PATCH: name, notes, tags (replace), trust_tier public|trusted|blocked', async () => {
		const [tom] = (await call('GET', '/contacts?type=agent&q=tom', 'n8n_agent')).body.contacts;
		const r = await call('PATCH', `/contacts/${tom.id}`, 'n8n_agent', { name: 'Tom R.', notes: 'Reviews code', tags: ['Team', 'reviewers'], trust_tier: 'trusted' });
		expect(r.body.contact).toMatchObject({ id: tom.id, name: 'Tom R.', notes: 'Reviews code', tags: ['team', 'reviewers'], trust_tier: 'trusted' });
		expect((await call('PATCH', `/contacts/${tom.id}`, 'n8n_agent', { tags: ['vip'] })).body.contact.tags).toEqual(['vip']);
		expect((await call('GET', '/contacts?tag=vip', 'n8n_agent')).body.contacts.map((c: { id: string }) => c.id)).toEqual([tom.id]);
		expectError(await call('PATCH', `/contacts/${tom.id}`, 'n8n_agent', { trust_tier: 'friend' }), 400, 'invalid_request');
		expectError(await call('PATCH', `/contacts/${tom.id}`, 'n8n_agent', {}), 400, 'invalid_request');
		expectError(await call('PATCH', `/contacts/${tom.id}`, 'Sam', { notes: 'x' }), 404, 'not_found');
	});
});

describe('calendar events', () => {
	test('create: title and starts_at required, remind_minutes 0–10080 (default 15, null off); attendees get an invitation', async () => {
		const starts = Date.now() + 2 * DAY;
		const r = await call('POST', '/calendar/events', 'n8n_agent', {
			title: 'Launch review',
			starts_at: iso(starts),
			ends_at: iso(starts + 30 * MINUTE),
			location: 'Room 1',
			attendees: [{ email: 'sam@clwnt.com', name: 'Sam' }, { email: 'guest@example.com' }],
		});
		expect(r.status).toBe(201);
		expect(r.body.event).toEqual({
			id: expect.stringMatching(/^evt_/),
			title: 'Launch review',
			starts_at: iso(starts),
			ends_at: iso(starts + 30 * MINUTE),
			all_day: false,
			location: 'Room 1',
			description: null,
			remind_minutes: 15,
			attendees: [{ email: 'sam@clwnt.com', name: 'Sam' }, { email: 'guest@example.com', name: null }],
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		const [invite] = (await call('GET', '/inbox', 'Sam')).body.messages.filter((m: { subject: string }) => m.subject === 'Invitation: Launch review');
		expect(invite.content).toContain('.ics');
		for (const bad of [{ starts_at: iso(starts) }, { title: 'x' }, { title: 'x', starts_at: 'soon' }, { title: 'x', starts_at: iso(starts), remind_minutes: 10081 }, { title: 'x', starts_at: iso(starts), ends_at: iso(starts - 1) }, { title: 'x', starts_at: iso(starts), attendees: [{ email: 'nope' }] }]) {
			expectError(await call('POST', '/calendar/events', 'n8n_agent', bad), 400, 'invalid_request');
		}
		expect((await call('POST', '/calendar/events', 'n8n_agent', { title: 'quiet', starts_at: iso(starts), remind_minutes: null })).body.event.remind_minutes).toBeNull();
	});

	test('list: from (default now) to (default +30 days), q; by start time', async () => {
		const now = Date.now();
		await call('POST', '/calendar/events', 'n8n_agent', { title: 'Far away', starts_at: iso(now + 40 * DAY) });
		await call('POST', '/calendar/events', 'n8n_agent', { title: 'Soon', starts_at: iso(now + 2 * 60 * MINUTE) });
		const r = await call('GET', '/calendar/events', 'n8n_agent');
		expect(r.body.events.map((e: { title: string }) => e.title)).toEqual(['Soon', 'Weekly sync']);
		const later = await call('GET', `/calendar/events?from=${encodeURIComponent(iso(now + 35 * DAY))}&to=${encodeURIComponent(iso(now + 45 * DAY))}`, 'n8n_agent');
		expect(later.body.events.map((e: { title: string }) => e.title)).toEqual(['Far away']);
		expect((await call('GET', '/calendar/events?q=weekly', 'n8n_agent')).body.events).toHaveLength(1);
		expect((await call('GET', '/calendar/events', 'Sam')).body.events).toEqual([]);
	});

	test('update (not attendees) sends updated invitations; delete sends cancellations; others\' events are 404', async () => {
		const { events } = (await call('GET', '/calendar/events', 'n8n_agent')).body;
		const id = events[0].id;
		const r = await call('PATCH', `/calendar/events/${id}`, 'n8n_agent', { title: 'Weekly sync (moved)', remind_minutes: 60 });
		expect(r.body.event).toMatchObject({ id, title: 'Weekly sync (moved)', remind_minutes: 60 });
		expectError(await call('PATCH', `/calendar/events/${id}`, 'n8n_agent', { attendees: [] }), 400, 'invalid_request');
		expectError(await call('PATCH', `/calendar/events/${id}`, 'n8n_agent', {}), 400, 'invalid_request');
		expectError(await call('PATCH', `/calendar/events/${id}`, 'Tom', { title: 'mine' }), 404, 'not_found');
		expect((await call('GET', '/inbox', 'Tom')).body.messages.map((m: { subject: string }) => m.subject)).toContain('Updated invitation: Weekly sync (moved)');
		expect((await call('DELETE', `/calendar/events/${id}`, 'n8n_agent')).body).toEqual({ ok: true, id, deleted: true });
		expect((await call('GET', '/inbox', 'Tom')).body.messages.map((m: { subject: string }) => m.subject)).toContain('Canceled: Weekly sync (moved)');
		expectError(await call('DELETE', `/calendar/events/${id}`, 'n8n_agent'), 404, 'not_found');
	});

	test('the reminder arrives from ClawNet ("Calendar reminder: …") when sandbox time reaches it', async () => {
		const starts = Date.now() + 60 * MINUTE;
		await call('POST', '/calendar/events', 'Sam', { title: 'Standup', starts_at: iso(starts), remind_minutes: 10 });
		const reminders = async () => (await call('GET', '/inbox', 'Sam')).body.messages.filter((m: { from: string }) => m.from === 'ClawNet');
		expect(await reminders()).toEqual([]);
		await advance(51 * MINUTE);
		const [reminder] = await reminders();
		expect(reminder.content).toMatch(/^Calendar reminder: Standup/);
		expect((await call('GET', '/inbox/check', 'Sam')).body.count).toBeGreaterThan(0);
		await advance(MINUTE);
		expect(await reminders()).toHaveLength(1);
	});
});

describe('pages', () => {
	const put = (slug: string, html: string | Buffer, who = 'n8n_agent', type = 'text/html') =>
		http('PUT', `${base()}/pages/${slug}`, { headers: { authorization: `Bearer ${tokenOf(who)}`, 'content-type': type }, body: html });

	test('PUT creates (201) or replaces (200) from a raw text/html body; public at /a/{agent}/pages/{slug}', async () => {
		const created = await put('launch-2026', '<!doctype html><title>Launch</title><h1>Hi</h1>');
		expect(created.status).toBe(201);
		expect(created.body.page).toEqual({
			slug: 'launch-2026',
			title: 'Launch',
			url: `${base()}/a/n8n_agent/pages/launch-2026`,
			size: 47,
			is_public: true,
			is_homepage: false,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		const replaced = await put('launch-2026', '<h1>v2</h1>');
		expect(replaced.status).toBe(200);
		expect(replaced.body.page).toMatchObject({ title: 'Launch', size: 11 });
		const served = await http('GET', created.body.page.url);
		expect(served.status).toBe(200);
		expect(served.headers['content-type']).toMatch(/^text\/html/);
		expect(served.text).toBe('<h1>v2</h1>');
		const got = await call('GET', '/pages/launch-2026', 'n8n_agent');
		expect(got.body.page).toMatchObject({ slug: 'launch-2026', html: '<h1>v2</h1>' });
		expect((await call('GET', '/pages', 'n8n_agent')).body.pages.map((p: { slug: string }) => p.slug)).toEqual(['launch-2026', 'about']);
	});

	test('limits: 500 KB (512,000 bytes), slug lowercase letters, digits and hyphens ≤ 128, text/html only', async () => {
		expect((await put('big', Buffer.alloc(500 * 1024, 'a'))).status).toBe(201);
		expectError(await put('bigger', Buffer.alloc(500 * 1024 + 1, 'a')), 413, 'payload_too_large');
		expect((await put('a'.repeat(128), '<p>x</p>')).status).toBe(201);
		for (const slug of ['a'.repeat(129), 'Upper', 'under_score', 'dot.html']) expectError(await put(slug, '<p>x</p>'), 400, 'invalid_request');
		expectError(await put('json', '{"html": "<p>x</p>"}', 'n8n_agent', 'application/json'), 415, 'unsupported_media_type');
		expectError(await put('empty', '  '), 400, 'invalid_request');
	});

	test('PATCH is_public / is_homepage (one per agent) / title; private pages are 404 publicly; DELETE', async () => {
		await put('second', '<p>two</p>');
		const r = await call('PATCH', '/pages/second', 'n8n_agent', { is_homepage: true, title: 'Two' });
		expect(r.body.page).toMatchObject({ is_homepage: true, title: 'Two' });
		expect((await call('GET', '/pages/about', 'n8n_agent')).body.page.is_homepage).toBe(false);
		expect((await http('GET', `${base()}/a/n8n_agent`)).text).toBe('<p>two</p>');
		await call('PATCH', '/pages/second', 'n8n_agent', { is_public: false });
		expect((await http('GET', `${base()}/a/n8n_agent/pages/second`)).status).toBe(404);
		expectError(await call('PATCH', '/pages/second', 'n8n_agent', {}), 400, 'invalid_request');
		expectError(await call('PATCH', '/pages/second', 'n8n_agent', { is_public: 'yes' }), 400, 'invalid_request');
		expect((await call('DELETE', '/pages/second', 'n8n_agent')).body).toEqual({ ok: true, slug: 'second', deleted: true });
		expectError(await call('GET', '/pages/second', 'n8n_agent'), 404, 'not_found');
		expectError(await call('GET', '/pages/about', 'Tom'), 404, 'not_found');
	});
});

describe('rules, notification preferences, profile', () => {
	test('GET /rules?scope=global|agent', async () => {
		const global = await call('GET', '/rules', 'n8n_agent');
		expect(global.body).toMatchObject({ ok: true, scope: 'global', cache_seconds: 1800 });
		expect(global.body.rules).toHaveLength(2);
		const own = await call('GET', '/rules?scope=agent', 'n8n_agent');
		expect(own.body).toMatchObject({ scope: 'agent', agent_id: 'n8n_agent', rules: [{ id: expect.any(String), scope: 'agent', text: expect.stringMatching(/trusted contacts/), created_at: expect.any(String) }] });
		expect((await call('GET', '/rules?scope=agent', 'Tom')).body.rules).toEqual([]);
		await control('PUT', 'rules', { agent: 'Tom', rules: ['Be brief.'] });
		expect((await call('GET', '/rules?scope=agent', 'Tom')).body.rules.map((r: { text: string }) => r.text)).toEqual(['Be brief.']);
		expectError(await call('GET', '/rules?scope=team', 'Tom'), 400, 'invalid_request');
	});

	test('GET/PATCH /me/notifications: notify_on_new (default true), remind_after_hours 1–168 or null (default 4)', async () => {
		expect((await call('GET', '/me/notifications', 'Tom')).body).toEqual({ ok: true, notify_on_new: true, remind_after_hours: 4 });
		expect((await call('PATCH', '/me/notifications', 'Tom', { remind_after_hours: 168 })).body).toEqual({ ok: true, notify_on_new: true, remind_after_hours: 168 });
		expect((await call('PATCH', '/me/notifications', 'Tom', { notify_on_new: false, remind_after_hours: null })).body).toEqual({ ok: true, notify_on_new: false, remind_after_hours: null });
		for (const bad of [{ remind_after_hours: 0 }, { remind_after_hours: 169 }, { remind_after_hours: 1.5 }, { notify_on_new: 'yes' }, {}]) {
			expectError(await call('PATCH', '/me/notifications', 'Tom', bad), 400, 'invalid_request');
		}
	});

	test('GET /me has a top-level id (what the plugin reads); PATCH /me takes avatar_emoji, avatar_url (https), email_open, skill_version', async () => {
		const me = await call('GET', '/me', 'Tom');
		expect(me.body).toMatchObject({ ok: true, id: 'Tom', agent: { agent_id: 'Tom', email: 'tom@clwnt.com', email_open: true, avatar_emoji: null, avatar_url: null, claimed: true } });
		const r = await call('PATCH', '/me', 'Tom', { avatar_emoji: '🦞', avatar_url: 'https://example.com/tom.png', email_open: false, skill_version: 'plugin:0.7.19:linux:oc2026.4.1', bio: 'Reviews.' });
		expect(r.body).toMatchObject({ ok: true, id: 'Tom', agent: { avatar_emoji: '🦞', avatar_url: 'https://example.com/tom.png', email_open: false, skill_version: 'plugin:0.7.19:linux:oc2026.4.1', bio: 'Reviews.' } });
		for (const bad of [{ avatar_emoji: '🦞🦞' }, { avatar_emoji: 'x' }, { avatar_url: 'http://example.com/a.png' }, { email_open: 'no' }, { bio: 'x'.repeat(161) }, { nickname: 'x' }]) {
			expectError(await call('PATCH', '/me', 'Tom', bad), 400, 'invalid_request');
		}
		expect((await call('PATCH', '/me', 'Tom', { avatar_emoji: '👨‍👩‍👧' })).body.agent.avatar_emoji).toBe('👨‍👩‍👧');
		expect((await call('PATCH', '/me', 'Tom', { avatar_emoji: null })).body.agent.avatar_emoji).toBeNull();
	});

	test('the reference\'s social API is still served in this generation', async () => {
		const token = await register('Poster');
		expect((await call('POST', '/posts', token, { content: 'still here' })).status).toBe(201);
		expect((await rpc('/a2a/Tom', 'message/send', { message: msg('and tasks') }, token)).body.result.state).toBe('submitted');
	});
});
