/**
 * Claw Post conformance — pairing a browser extension: POST /v1/connect/register (the extension
 * gets a 6-digit code and a token), GET /v1/connect/status, POST /v1/connect/pair (the Dashboard,
 * with the tenant's API key). Pairing the unpaired tenant makes job creation work.
 */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const tenants = () => t.current.info.networks.clawpost.tenants as Record<string, string>;
const apiKey = (who: string) => ({ 'clawpost-api-key': seededKey(t.current, 'clawpost', who) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const register = async (json?: unknown) => {
	const r = await http('POST', `${base()}/v1/connect/register`, { json });
	expect(r.status).toBe(201);
	return r.body as { extensionId: string; extensionToken: string; pairingCode: string; pairingCodeExpiresAt: number };
};
const status = (token: string) => http('GET', `${base()}/v1/connect/status`, { headers: bearer(token) });
const pair = (who: string, code: unknown) => http('POST', `${base()}/v1/connect/pair`, { headers: apiKey(who), json: { code } });
const createJob = (who: string, text = 'hello') => http('POST', `${base()}/v1/jobs/tweet`, { headers: apiKey(who), json: { text } });
const expectError = (r: HttpResult, status: number, code: string) => {
	expect({ status: r.status, body: r.body }).toEqual({ status, body: { error: expect.any(String), code } });
};

test('register: 201 with an extension id, a token, a 6-digit code valid 10 minutes, status pending', async () => {
	const r = await http('POST', `${base()}/v1/connect/register`, { json: { name: 'Chrome on laptop' } });
	expect(r.status).toBe(201);
	expect(r.body).toEqual({
		extensionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		extensionToken: expect.stringMatching(/^cpext_[0-9a-f]{40}$/),
		pairingCode: expect.stringMatching(/^\d{6}$/),
		pairingCodeExpiresAt: expect.any(Number),
		status: 'pending',
	});
	expect(r.body.pairingCodeExpiresAt - Date.now() / 1000).toBeGreaterThan(590);
	expect(r.body.pairingCodeExpiresAt - Date.now() / 1000).toBeLessThanOrEqual(600);
	// Without a body too; every code differs.
	const other = await register();
	expect(other.pairingCode).not.toBe(r.body.pairingCode);
	expect(await status(other.extensionToken)).toMatchObject({ status: 200, body: { status: 'pending', extensionId: other.extensionId, pairingCodeExpiresAt: other.pairingCodeExpiresAt } });
});

test('the full flow: the unpaired tenant gets 503, pairs with the code, then creates a job its extension pulls and acknowledges', async () => {
	expectError(await createJob('unpaired'), 503, 'EXTENSION_NOT_PAIRED');
	const extension = await register();
	// A pending extension cannot pull yet.
	expectError(await http('GET', `${base()}/v1/extension/pull`, { headers: bearer(extension.extensionToken) }), 403, 'PAIRING_PENDING');

	const paired = await pair('unpaired', extension.pairingCode);
	expect(paired.status).toBe(200);
	expect(paired.body).toEqual({ paired: true, tenantId: tenants().unpaired, extensionId: extension.extensionId, pairedAt: expect.any(Number) });
	expect((await status(extension.extensionToken)).body).toEqual({ status: 'paired', extensionId: extension.extensionId, tenantId: tenants().unpaired, pairedAt: paired.body.pairedAt });
	expect((await http('GET', `${base()}/v1/usage`, { headers: apiKey('unpaired') })).body.extensionPaired).toBe(true);

	const created = await createJob('unpaired', 'finally');
	expect(created.status).toBe(201);
	// This extension is the test's own: nothing posts until it pulls.
	await t.current.control('POST', 'clock', { advanceMs: 60_000 });
	expect((await http('GET', `${base()}/v1/jobs/${created.body.id}`)).body.status).toBe('queued');
	const pulled = await http('GET', `${base()}/v1/extension/pull`, { headers: bearer(extension.extensionToken) });
	expect(pulled.body).toMatchObject({ id: created.body.id, text: 'finally', status: 'processing', tenantId: tenants().unpaired });
	const ack = await http('POST', `${base()}/v1/extension/ack`, { headers: bearer(extension.extensionToken), json: { jobId: created.body.id, status: 'succeeded', postUrl: 'https://x.com/me/status/42' } });
	expect(ack.status).toBe(200);
	expect((await http('GET', `${base()}/v1/jobs/${created.body.id}`)).body).toMatchObject({ status: 'succeeded', postUrl: 'https://x.com/me/status/42' });
});

test('the simulated extension can take over an extension paired through the API', async () => {
	const extension = await register();
	await pair('unpaired', extension.pairingCode);
	expect(await t.current.control('GET', 'clawpost/extension?tenant=unpaired')).toMatchObject({ paired: true, mode: 'off', extension: { id: extension.extensionId } });
	await t.current.control('POST', 'clawpost/extension', { tenant: 'unpaired', mode: 'auto', pickupMs: 0, delayMs: 0 });
	const created = await createJob('unpaired');
	expect((await http('GET', `${base()}/v1/jobs/${created.body.id}`)).body.status).toBe('succeeded');
});

test('pair validation: 400 for a malformed code, 404 for an unknown one, 410 once expired', async () => {
	for (const code of ['12345', '1234567', 'abcdef', null, undefined]) expectError(await pair('unpaired', code), 400, 'INVALID_REQUEST');
	const extension = await register();
	const wrong = String((Number(extension.pairingCode) + 1) % 1_000_000).padStart(6, '0');
	expectError(await pair('unpaired', wrong), 404, 'PAIRING_CODE_INVALID');
	await t.current.control('POST', 'clock', { advanceMs: 10 * 60_000 + 1000 });
	expect((await status(extension.extensionToken)).body.status).toBe('expired');
	expectError(await pair('unpaired', extension.pairingCode), 410, 'PAIRING_CODE_EXPIRED');
	expectError(await createJob('unpaired'), 503, 'EXTENSION_NOT_PAIRED');
});

test('a code works once: again for the same tenant is 200, for another tenant 409; a numeric code is accepted', async () => {
	const extension = await register();
	const code = extension.pairingCode;
	const first = await pair('unpaired', /^[1-9]/.test(code) ? Number(code) : code);
	expect(first.status).toBe(200);
	expect((await pair('unpaired', code)).body).toEqual(first.body);
	expectError(await pair('paired', code), 409, 'PAIRING_CODE_USED');
});

test('pairing a new extension revokes the previous one: its token stops working, its status says revoked', async () => {
	const oldToken = (t.current.info.networks.clawpost.extensionTokens as Record<string, string>).paired;
	expect((await http('GET', `${base()}/v1/extension/pull`, { headers: bearer(oldToken) })).status).toBe(204);
	const extension = await register();
	expect((await pair('paired', extension.pairingCode)).status).toBe(200);
	expectError(await http('GET', `${base()}/v1/extension/pull`, { headers: bearer(oldToken) }), 401, 'UNAUTHORIZED');
	expect((await status(oldToken)).body).toMatchObject({ status: 'revoked' });
	expect((await createJob('paired')).status).toBe(201);
	expect((await http('GET', `${base()}/v1/extension/pull`, { headers: bearer(extension.extensionToken) })).status).toBe(200);
});

test('status: 401 without or with a wrong token', async () => {
	expectError(await http('GET', `${base()}/v1/connect/status`), 401, 'UNAUTHORIZED');
	expectError(await status('cpext_nope'), 401, 'UNAUTHORIZED');
});

test('control shortcuts: unpair (→ 503) and pair a simulated extension (→ jobs post again)', async () => {
	await t.current.control('POST', 'clawpost/unpair', { tenant: 'paired' });
	expectError(await createJob('paired'), 503, 'EXTENSION_NOT_PAIRED');
	expect((await http('GET', `${base()}/v1/usage`, { headers: apiKey('paired') })).body.extensionPaired).toBe(false);
	const paired = await t.current.control<{ extensionToken: string; mode: string }>('POST', 'clawpost/pair', { tenant: 'paired' });
	expect(paired.mode).toBe('auto');
	const created = await createJob('paired');
	expect(created.status).toBe(201);
	await t.current.control('POST', 'clock', { advanceMs: 5000 });
	expect((await http('GET', `${base()}/v1/jobs/${created.body.id}`)).body.status).toBe('succeeded');
});

test('seeded keys and tokens are stable across resets', async () => {
	const before = t.current.info.networks.clawpost;
	await register();
	await t.current.reset();
	expect(t.current.info.networks.clawpost).toEqual(before);
});
