/** The one error mapper for the three networks' error shapes. */
import { actionableMessage, describeApiError, formatDescription, nextStep, parseResetTime, redactSecrets, toastSafe } from '../../nodes/shared/errors';

describe('describeApiError', () => {
	test('ClawNet {ok:false,error,message}: message and code are the API\'s own', () => {
		const d = describeApiError('clawnet', { statusCode: 404, body: { ok: false, error: 'not_found', message: 'Agent "Bob" not found' } });
		expect(d).toMatchObject({ statusCode: 404, message: 'Agent "Bob" not found', code: 'not_found' });
		expect(d.rateLimit).toBeUndefined();
	});

	test('ClawNet 429: action, limit, window from the body and reset from X-RateLimit-Reset', () => {
		const reset = 1795400000;
		const d = describeApiError('clawnet', {
			statusCode: 429,
			headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
			body: { ok: false, error: 'rate_limited', message: 'Too many requests. Limit: 60/hour for send.', action: 'send', limit: 60, window: '1 hour' },
		});
		expect(d.rateLimit).toEqual({ action: 'send', limit: 60, remaining: 0, window: '1 hour', resetAt: new Date(reset * 1000).toISOString() });
		expect(formatDescription(d)).toBe(
			`HTTP 429 (rate_limited). Limit: 60 per 1 hour for action "send". Resets at ${new Date(reset * 1000).toISOString()}. Back off on this action until the limit resets.`,
		);
	});

	test('ClawNet cannot_message is explained even though the sandbox never sends it', () => {
		const d = describeApiError('clawnet', { statusCode: 403, body: { ok: false, error: 'cannot_message', message: 'Blocked by recipient' } });
		expect(d.message).toBe('Blocked by recipient');
		expect(d.hint).toMatch(/blocked/);
	});

	test('Clawtter detail as a string and as a validation list', () => {
		expect(describeApiError('clawtter', { statusCode: 429, body: { detail: 'Daily thread/post read limit exceeded' } }).message).toBe(
			'Daily thread/post read limit exceeded',
		);
		const d = describeApiError('clawtter', {
			statusCode: 422,
			body: { detail: [{ loc: ['body', 'content'], msg: 'String should have at most 1000 characters', type: 'string_too_long' }, { loc: ['body', 'nickname'], msg: 'Field required' }] },
		});
		expect(d.message).toBe('content: String should have at most 1000 characters; nickname: Field required');
	});

	test('Clawtter 429 with Retry-After gives a reset time', () => {
		const before = Date.now();
		const d = describeApiError('clawtter', { statusCode: 429, headers: { 'Retry-After': '120' }, body: { detail: 'Quota exceeded' } });
		expect(d.rateLimit?.retryAfterSeconds).toBe(120);
		expect(Date.parse(d.rateLimit!.resetAt!)).toBeGreaterThanOrEqual(before + 119_000);
	});

	test('Claw Post {error, errorCode} and {error, code}, with the pairing hint for 503', () => {
		const failed = describeApiError('clawpost', { statusCode: 400, body: { error: 'No x.com tab', errorCode: 'no_x_tab' } });
		expect(failed).toMatchObject({ message: 'No x.com tab', code: 'no_x_tab' });
		const unpaired = describeApiError('clawpost', { statusCode: 503, body: { error: 'Extension not paired', code: 'EXTENSION_NOT_PAIRED' } });
		expect(unpaired.code).toBe('EXTENSION_NOT_PAIRED');
		expect(unpaired.hint).toMatch(/Install the Claw Post extension/);
		expect(describeApiError('clawpost', { statusCode: 403, body: { error: 'Quota exceeded' } }).hint).toMatch(/usage limits/);
	});

	test('a body that is not the documented shape is quoted, not lost', () => {
		const d = describeApiError('clawnet', { statusCode: 403, body: 'error code: 1010' });
		expect(d.message).toBe('ClawNet answered HTTP 403 with a body that is not the documented error shape: error code: 1010');
		expect(describeApiError('clawtter', { statusCode: 502, body: undefined }).message).toBe('Clawtter answered HTTP 502');
	});

	test('anything shaped like a key or token is masked in the message', () => {
		const d = describeApiError('clawnet', { statusCode: 400, body: { ok: false, error: 'invalid_request', message: 'bad token clwnt_abcdef123456 sent' } });
		expect(d.message).toBe('bad token *** sent');
		expect(redactSecrets('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer ***');
		expect(redactSecrets('key claw_0123456789abcdef0123')).toBe('key ***');
	});
});

test('parseResetTime reads unix seconds, unix milliseconds and ISO dates', () => {
	expect(parseResetTime('1795400000')).toBe('2026-11-23T02:13:20.000Z');
	expect(parseResetTime('1795400000000')).toBe('2026-11-23T02:13:20.000Z');
	expect(parseResetTime('2026-11-23T02:13:20Z')).toBe('2026-11-23T02:13:20.000Z');
	expect(parseResetTime('soon')).toBeUndefined();
	expect(parseResetTime(undefined)).toBeUndefined();
});

describe('the message says what to do (n8n hands a model that calls a tool only the message)', () => {
	const step = (network: 'clawnet' | 'clawtter' | 'clawpost', statusCode: number, body: unknown, headers?: Record<string, string>) =>
		nextStep(describeApiError(network, { statusCode, body, headers }));

	test('a 429 says when to retry: the reset time, else Retry-After seconds', () => {
		const reset = 1795400000;
		expect(step('clawnet', 429, { error: 'rate_limited', message: 'Too many' }, { 'x-ratelimit-reset': String(reset) })).toBe(
			`Retry after ${new Date(reset * 1000).toISOString()}, not sooner.`,
		);
		expect(step('clawtter', 429, { detail: 'Slow down' }, { 'retry-after': '30' })).toMatch(/^Retry after \S+Z, not sooner\.$/);
		expect(step('clawpost', 429, { error: 'Slow down' })).toBe('Retry later, not sooner.');
	});

	test('a server failure may pass; a refusal will not pass unchanged; a hint names the fix', () => {
		expect(step('clawnet', 503, { message: 'Maintenance' })).toBe('The service failed: retry later.');
		expect(step('clawnet', 404, { error: 'not_found', message: 'Agent Bob not found' })).toBe('Check the ID; retrying will not help.');
		expect(step('clawtter', 422, { detail: 'content: too long' })).toBe('Fix the input; retrying it unchanged will not help.');
		expect(step('clawnet', 403, { error: 'cannot_message', message: 'No' })).toBe(
			'The recipient does not accept messages from this agent (it may have blocked you); retrying unchanged will not help.',
		);
		expect(step('clawpost', 401, { error: 'Invalid API key' })).toBe('Check the API key in the Claw Post credential (the key is in the Claw Post dashboard).');
	});

	test('every step is one short sentence or two (≤ 160 characters)', () => {
		for (const status of [400, 401, 403, 404, 409, 422, 429, 500, 503]) {
			for (const network of ['clawnet', 'clawtter', 'clawpost'] as const) expect(step(network, status, {}).length).toBeLessThanOrEqual(160);
		}
	});

	test('the message keeps the API\'s words first; angle-bracket placeholders survive n8n\'s HTML toast', () => {
		expect(actionableMessage('Use image/<type>;base64,<data>', 'Fix the input.')).toBe('Use image/‹type›;base64,‹data›. Fix the input.');
		expect(toastSafe('a < b and c > d')).toBe('a < b and c > d');
	});
});
