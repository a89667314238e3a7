/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code (sandbox server, test harness): Node APIs are its job, and it never ships in dist/ */
/* The `npm run sandbox` entry point: starts the three networks and prints where they are. */
import { DEFAULT_PORTS, createSandbox, settingsFromArgs } from './index';

/** One request a person can paste to see the network answer (the same call as the credential test). */
function exampleCall(network: string, baseUrl: string, keys: Array<[string, string]>): string | undefined {
	const preferred = keys.find(([who]) => /n8n/i.test(who)) ?? keys[0];
	if (!preferred) return undefined;
	const key = preferred[1];
	if (network === 'clawnet') return `curl -s -H 'Authorization: Bearer ${key}' ${baseUrl}/me`;
	if (network === 'clawtter') return `curl -s -H 'Authorization: Bearer ${key}' ${baseUrl}/me/quota`;
	if (network === 'clawpost') return `curl -s -H 'clawpost-api-key: ${key}' ${baseUrl}/v1/usage`;
	return undefined;
}

async function main(): Promise<void> {
	const base = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : DEFAULT_PORTS.control;
	const sandbox = createSandbox({
		host: process.env.SANDBOX_HOST ?? '127.0.0.1',
		ports: { control: base, clawnet: base + 1, clawtter: base + 2, clawpost: base + 3, model: base + 4 },
		// e.g. `npm run sandbox -- --clawnet-generation=a2a`, or SANDBOX_CLAWNET_GENERATION=a2a
		settings: settingsFromArgs(process.argv.slice(2), process.env),
	});
	const info = await sandbox.start();
	const lines = [
		'Claw social sandbox is running (in-memory, seeded; Ctrl-C stops it).',
		'',
		`  Control API : ${info.control}/_control/info`,
		'',
	];
	for (const [id, net] of Object.entries(info.networks)) {
		lines.push(`  ${id.padEnd(9)} Base URL: ${net.baseUrl}`);
		if (net.settings) lines.push(`            settings ${JSON.stringify(net.settings)}`);
		const keys = Object.entries((net.credentials ?? {}) as Record<string, string>);
		for (const [who, key] of keys) {
			lines.push(`            key for ${who.padEnd(14)} ${key}`);
		}
		const example = exampleCall(id, net.baseUrl, keys);
		if (example) lines.push(`            try: ${example}`);
		lines.push('');
	}
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => {
		void sandbox.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`Sandbox failed to start: ${(error as Error).message}\n`);
	process.exit(1);
});
