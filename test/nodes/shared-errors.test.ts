/**
 * The shared error layer through real n8n-core: what a user sees when a network answers 429,
 * a 5xx, malformed JSON, or drops the connection. No key ever appears.
 */
import { runNode } from '../harness/n8n';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();

function clawnetProfile() {
	const token = seededKey(t.current, 'clawnet', 'n8n_agent');
	return {
		token,
		run: () =>
			runNode({
				type: 'clawNet',
				parameters: { resource: 'profile', operation: 'get' },
				credentials: { clawNetApi: { token, baseUrl: t.current.info.networks.clawnet.baseUrl } },
			}),
	};
}

function noSecret(token: string, ...things: unknown[]) {
	const text = things.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n');
	expect(text).not.toContain(token);
	expect(text).not.toContain(token.slice(6, 20));
}

test('a ClawNet 429 names the action, the limit, the window and when it resets', async () => {
	const reset = Math.floor(Date.now() / 1000) + 1800;
	await t.current.fault({
		network: 'clawnet',
		path: '/me',
		kind: 'rateLimit',
		body: { ok: false, error: 'rate_limited', message: 'Too many requests. Limit: 60/hour for send.', action: 'send', limit: 60, window: '1 hour' },
		headers: { 'X-RateLimit-Reset': String(reset) },
	});
	const { token, run } = clawnetProfile();
	const { error } = await run();
	expect(error?.name).toBe('NodeApiError');
	expect(error?.httpCode).toBe('429');
	// n8n hands a model only the message: it says when to retry.
	expect(error?.message).toBe(`Too many requests. Limit: 60/hour for send. Retry after ${new Date(reset * 1000).toISOString()}, not sooner.`);
	expect(error?.description).toContain('Limit: 60 per 1 hour for action "send".');
	expect(error?.description).toContain(`Resets at ${new Date(reset * 1000).toISOString()}.`);
	noSecret(token, error?.message, error?.description, error?.stack, error);
});

test('a 503 keeps the API\'s message and status', async () => {
	await t.current.fault({ network: 'clawnet', path: '/me', kind: 'status', status: 503, body: { ok: false, error: 'unavailable', message: 'Maintenance until 10:00 UTC' } });
	const { error } = await clawnetProfile().run();
	expect(error?.httpCode).toBe('503');
	expect(error?.message).toBe('Maintenance until 10:00 UTC. The service failed: retry later.');
	expect(error?.description).toMatch(/^HTTP 503 \(unavailable\)/);
});

test('malformed JSON on a success status is an error that quotes the start of the body', async () => {
	await t.current.fault({ network: 'clawnet', path: '/me', kind: 'malformed' });
	const { items, error } = await clawnetProfile().run();
	expect(items).toHaveLength(0);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe('ClawNet answered HTTP 200 with malformed JSON: {"ok": true, "truncated');
});

test('a dropped connection is reported without the token', async () => {
	await t.current.fault({ network: 'clawnet', path: '/me', kind: 'reset' });
	const { token, run } = clawnetProfile();
	const { error } = await run();
	expect(error).toBeDefined();
	expect(`${error?.message} ${error?.description ?? ''}`).toMatch(/socket hang up|ECONNRESET|closed unexpectedly/i);
	noSecret(token, error?.message, error?.description, error?.stack, error);
});

test('a refused connection is reported without the token', async () => {
	const token = seededKey(t.current, 'clawnet', 'n8n_agent');
	const { error } = await runNode({
		type: 'clawNet',
		parameters: { resource: 'profile', operation: 'get' },
		credentials: { clawNetApi: { token, baseUrl: 'http://127.0.0.1:9' } },
	});
	expect(error?.message).toMatch(/refused/i);
	noSecret(token, error?.message, error?.description, error?.stack, error);
});

test('the node sends its own User-Agent, not an HTTP library default', async () => {
	await clawnetProfile().run();
	const [request] = await t.current.requests({ network: 'clawnet' });
	expect(request.headers['user-agent']).toMatch(/^n8n-nodes-claw-social\/\d+\.\d+\.\d+/);
	expect(request.status).toBe(200);
});
