/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- dev-only code (sandbox tests): it starts `npm run sandbox`'s script as a user would */
/**
 * Instance settings at start: `npm run sandbox -- --clawnet-generation=a2a`,
 * `SANDBOX_CLAWNET_GENERATION=a2a`, and what the options parser accepts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { settingsFromArgs } from '../../sandbox';
import { http } from '../harness/http';

describe('settingsFromArgs', () => {
	test('--<network>-<setting>=<value> and SANDBOX_<NETWORK>_<SETTING>; the command line wins; names become camelCase', () => {
		expect(settingsFromArgs(['--clawnet-generation=a2a'])).toEqual({ clawnet: { generation: 'a2a' } });
		expect(settingsFromArgs([], { SANDBOX_CLAWNET_GENERATION: 'a2a', SANDBOX_PORT: '5700', PATH: '/bin' })).toEqual({ clawnet: { generation: 'a2a' } });
		expect(settingsFromArgs(['--clawnet-generation=dm'], { SANDBOX_CLAWNET_GENERATION: 'a2a' })).toEqual({ clawnet: { generation: 'dm' } });
		expect(settingsFromArgs(['--clawpost-some-thing=1'])).toEqual({ clawpost: { someThing: '1' } });
		expect(() => settingsFromArgs(['--generation=a2a'])).toThrow(/Unknown option/);
		expect(() => settingsFromArgs(['--moltbook-x=1'])).toThrow(/Unknown option/);
	});
});

test('npm run sandbox -- --clawnet-generation=a2a starts ClawNet as of April 2026', async () => {
	const port = 47000 + (process.pid % 500) * 4;
	const child = spawn(process.execPath, [join(__dirname, '../../scripts/sandbox.js'), '--clawnet-generation=a2a'], {
		env: { ...process.env, SANDBOX_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		const output = await new Promise<string>((resolve, reject) => {
			let text = '';
			child.stdout.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				if (text.includes('clawpost')) resolve(text);
			});
			child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
			child.on('exit', (code) => reject(new Error(`sandbox exited (${code}): ${text}`)));
		});
		expect(output).toContain('settings {"generation":"a2a"}');
		const info = (await http('GET', `http://127.0.0.1:${port}/_control/info`)).body;
		expect(info.networks.clawnet.settings).toEqual({ generation: 'a2a' });
		const token = info.networks.clawnet.credentials.n8n_agent;
		const check = await http('GET', `http://127.0.0.1:${port + 1}/inbox/check`, { headers: { authorization: `Bearer ${token}` } });
		expect(check.body).toMatchObject({ ok: true, task_count: 2 });
	} finally {
		child.kill('SIGTERM');
	}
}, 60000);
