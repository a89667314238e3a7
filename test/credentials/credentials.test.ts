/**
 * Each credential type through real n8n-core against the sandbox: the credential test, the auth
 * header as the sandbox received it, Base URL handling, and errors that never contain the key.
 */
import { runNode, testCredential } from '../harness/n8n';
import { seededKey, useSandbox } from '../harness/sandbox';
import { USER_AGENT } from '../../nodes/shared/version';

const t = useSandbox();

interface Case {
	network: 'clawnet' | 'clawtter' | 'clawpost';
	credentialType: string;
	keyField: string;
	account: string;
	/** Who the sandbox says the request acted as. */
	principal: (tt: typeof t.current) => string;
	testPath: string;
	authHeader: string;
	authValue: (key: string) => string;
	node: { type: string; parameters: Record<string, string> };
	/** A field the node's output must carry, proving the API's answer came through. */
	outputField: string;
	badKeyMessage: string;
}

const cases: Case[] = [
	{
		network: 'clawnet',
		credentialType: 'clawNetApi',
		keyField: 'token',
		account: 'n8n_agent',
		principal: () => 'n8n_agent',
		testPath: '/me',
		authHeader: 'authorization',
		authValue: (key) => `Bearer ${key}`,
		node: { type: 'clawNet', parameters: { resource: 'profile', operation: 'get' } },
		outputField: 'agent_id',
		badKeyMessage: 'Invalid token',
	},
	{
		network: 'clawtter',
		credentialType: 'clawtterApi',
		keyField: 'apiKey',
		account: 'n8n-agent',
		principal: () => 'n8n-agent',
		testPath: '/me/quota',
		authHeader: 'authorization',
		authValue: (key) => `Bearer ${key}`,
		node: { type: 'clawtter', parameters: { resource: 'account', operation: 'getQuota' } },
		outputField: 'remaining_quota',
		badKeyMessage: 'Invalid API key',
	},
	{
		network: 'clawpost',
		credentialType: 'clawPostApi',
		keyField: 'apiKey',
		account: 'paired',
		principal: (tt) => String((tt.info.networks.clawpost.tenants as Record<string, string>).paired),
		testPath: '/v1/usage',
		authHeader: 'clawpost-api-key',
		authValue: (key) => key,
		node: { type: 'clawPost', parameters: { resource: 'account', operation: 'getUsage' } },
		outputField: 'postsRemaining',
		badKeyMessage: 'Invalid API key',
	},
];

const WRONG_KEY_SAMPLE = ['clwnt', 'thisisnotavalidtokenatall0123456789'].join('_');

describe.each(cases)('$credentialType', (c) => {
	const creds = (key: string, baseUrl = t.current.info.networks[c.network].baseUrl) => ({ [c.keyField]: key, baseUrl });
	const goodKey = () => seededKey(t.current, c.network, c.account);

	test('the credential test succeeds with a good key, on the documented endpoint', async () => {
		const result = await testCredential(c.credentialType, creds(goodKey()));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = await t.current.requests({ network: c.network });
		expect(request.method).toBe('GET');
		expect(request.path).toBe(c.testPath);
		expect(request.status).toBe(200);
		expect(request.principal).toBe(c.principal(t.current));
		expect(request.headers['user-agent']).toBe(USER_AGENT);
	});

	test('the credential test fails clearly with a bad key', async () => {
		const result = await testCredential(c.credentialType, creds(WRONG_KEY_SAMPLE));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept/);
		expect(result.message).not.toContain(WRONG_KEY_SAMPLE);
		const [request] = await t.current.requests({ network: c.network });
		expect(request.status).toBe(401);
	});

	test('a trailing slash in the Base URL does not break the request path', async () => {
		const result = await testCredential(c.credentialType, creds(goodKey(), `${t.current.info.networks[c.network].baseUrl}///`));
		expect(result.status).toBe('OK');
		const [request] = await t.current.requests({ network: c.network });
		expect(request.path).toBe(c.testPath);
	});

	test('the node sends the key in the documented header and outputs the API answer', async () => {
		const key = goodKey();
		const { items, error } = await runNode({ ...c.node, credentials: { [c.credentialType]: creds(key) } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toHaveProperty(c.outputField);
		const [request] = await t.current.requests({ network: c.network });
		expect(request.path).toBe(c.testPath);
		// The log masks secrets but keeps the last four characters: enough to tell which key came.
		const expected = c.authValue(key);
		expect(request.headers[c.authHeader]).toBe(`${expected.slice(0, expected.length - key.length)}***${key.slice(-4)}`);
		expect(request.principal).toBe(c.principal(t.current));
		expect(request.headers['user-agent']).toBe(USER_AGENT);
	});

	test('a wrong key gives a NodeApiError with the API\'s words and without the key', async () => {
		const { items, error } = await runNode({ ...c.node, credentials: { [c.credentialType]: creds(WRONG_KEY_SAMPLE) } });
		expect(items).toHaveLength(0);
		expect(error).toBeDefined();
		expect(error!.name).toBe('NodeApiError');
		expect(error!.httpCode).toBe('401');
		// The API's words first, then what to do (n8n hands an AI Agent only the message).
		expect(error!.message).toMatch(new RegExp(`^${c.badKeyMessage}\\. Check the (token|API key) in the `));
		expect(error!.description).toMatch(/^HTTP 401/);
		const everything = [error!.message, error!.description, error!.stack, JSON.stringify(error), JSON.stringify(items)].join('\n');
		expect(everything).not.toContain(WRONG_KEY_SAMPLE);
		expect(everything).not.toContain(WRONG_KEY_SAMPLE.slice(6));
	});

	test('with Continue On Fail the error becomes an item paired with its input', async () => {
		const { items, error } = await runNode({
			...c.node,
			credentials: { [c.credentialType]: creds(WRONG_KEY_SAMPLE) },
			continueOnFail: true,
			input: [{ json: { n: 1 } }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ error: expect.stringContaining(c.badKeyMessage) });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(items)).not.toContain(WRONG_KEY_SAMPLE);
	});

	test('a non-http(s) Base URL fails before sending, naming the credential field', async () => {
		const { error } = await runNode({ ...c.node, credentials: { [c.credentialType]: creds(goodKey(), 'ftp://127.0.0.1/x') } });
		expect(error?.message).toMatch(/Base URL .* must be an http:\/\/ or https:\/\/ URL/);
		expect(await t.current.requests({ network: c.network })).toHaveLength(0);
		const result = await testCredential(c.credentialType, creds(goodKey(), 'ftp://127.0.0.1/x'));
		expect(result.status).toBe('Error');
	});
});
