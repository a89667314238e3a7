#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): the sandbox of the three networks plus a real n8n editor
 * with this package installed, the sandbox credentials and the example workflows imported.
 *
 *   1. the pinned n8n runtime (scripts/n8n/runtime.js; installed once, minutes; then seconds)
 *   2. the sandbox on its default ports (SANDBOX_PORT moves them), in this process
 *   3. the n8n user folder .n8n-local/ (N8N_LOCAL_FOLDER moves it): the packed package,
 *      credentials, examples (re-imported only when an example file changed)
 *   4. `n8n start` on http://localhost:5678 (N8N_PORT moves it), loopback only, waited for; the
 *      printed link signs in onto the workflow overview with the examples
 *
 * Ctrl-C (or SIGTERM) stops n8n with its task runner, then the sandbox. n8n's own output goes to
 * .n8n-local/n8n.log.
 */
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const lib = require('./lib');
const { N8N_VERSION, NODE_VERSION, ensureRuntime, installedRuntime, missingBuildTools, runtimeDir } = require('./runtime');

const ROOT = lib.ROOT;
const say = (line = '') => process.stdout.write(`${line}\n`);

/** Compiles the sandbox (dev-only TypeScript) into .build/, as `npm run sandbox` does, and loads it. */
function loadSandbox() {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.sandbox.json'], { cwd: ROOT, stdio: 'inherit' });
	return require(path.join(ROOT, '.build', 'sandbox', 'index.js'));
}

/** An n8n left running by an earlier `npm start` that was killed hard: stop its process group. */
async function stopLeftover(pidFile) {
	if (!fs.existsSync(pidFile)) return;
	const pid = Number(fs.readFileSync(pidFile, 'utf8')) || 0;
	fs.rmSync(pidFile, { force: true });
	const alive = () => {
		try {
			return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('n8n');
		} catch {
			return false;
		}
	};
	if (!pid || !alive()) return;
	const group = (signal) => {
		try {
			process.kill(-pid, signal);
		} catch {
			/* gone */
		}
	};
	group('SIGTERM');
	for (let i = 0; i < 60 && alive(); i++) await new Promise((r) => setTimeout(r, 250));
	group('SIGKILL');
	say(`Stopped an n8n left over from an earlier run (pid ${pid}).`);
}

async function main() {
	const started = Date.now();
	const userFolder = path.resolve(process.env.N8N_LOCAL_FOLDER || path.join(ROOT, '.n8n-local'));
	const pidFile = path.join(userFolder, 'n8n.pid');
	const logFile = path.join(userFolder, 'n8n.log');
	const port = Number(process.env.N8N_PORT || 5678);
	await stopLeftover(pidFile);

	if (!installedRuntime()) {
		const missing = missingBuildTools();
		if (missing.length) {
			process.stderr.write(
				`npm start needs ${missing.join(', ')} to build n8n's database driver (sqlite3) on this first run, and ${missing.length === 1 ? 'it is' : 'they are'} not on PATH.\n` +
					`Install ${missing.length === 1 ? 'it' : 'them'} (Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}; macOS: xcode-select --install), then run npm start again.\n`,
			);
			process.exit(1);
		}
		say(`First run: installing n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${runtimeDir()} (once, ~2.8 GB; progress every few seconds) …`);
	}
	const runtime = ensureRuntime();
	const { createSandbox, DEFAULT_PORTS, settingsFromArgs } = loadSandbox();
	const base = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : DEFAULT_PORTS.control;
	// SANDBOX_CLAWNET_GENERATION=a2a npm start: ClawNet as of April 2026.
	const settings = settingsFromArgs([], process.env);
	const sandbox = createSandbox({ ports: { control: base, clawnet: base + 1, clawtter: base + 2, clawpost: base + 3, model: base + 4 }, settings });

	let n8n;
	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox …');
		await n8n?.stop().catch(() => undefined);
		fs.rmSync(pidFile, { force: true });
		await sandbox.stop().catch(() => undefined);
		say('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));
	try {
		await run({ runtime, sandbox, userFolder, pidFile, logFile, port, started, setN8n: (n) => (n8n = n), isStopping: () => stopping, shutdown });
	} catch (error) {
		process.stderr.write(`\nnpm start failed: ${error.message}\n`);
		await shutdown(1);
	}
}

async function run({ runtime, sandbox, userFolder, pidFile, logFile, port, started, setN8n, isStopping, shutdown }) {
	const info = await sandbox.start();
	if (await lib.portInUse(port)) throw new Error(`port ${port} is already in use (another n8n?); N8N_PORT=5680 npm start uses another`);
	const env = lib.n8nEnv({ runtime, userFolder, port, brokerPort: await lib.freePort() });

	say(`Preparing the n8n user folder ${path.relative(ROOT, userFolder) || userFolder} (package, credentials, examples) …`);
	const prepared = await lib.prepareUserFolder({ runtime, userFolder, sandboxInfo: info, onlyChanged: true, env });
	if (prepared.imported.length) say(`  imported: ${prepared.imported.join('; ')}`);

	say(`Starting n8n ${runtime.n8nVersion} (Node ${runtime.nodeVersion}); its log: ${path.relative(ROOT, logFile)} …`);
	fs.writeFileSync(logFile, '');
	const n8n = lib.launchN8n(runtime, { env, logFile });
	setN8n(n8n);
	fs.writeFileSync(pidFile, String(n8n.pid));
	await n8n.ready();
	n8n.child.once('exit', (code) => {
		if (!isStopping()) {
			say(`\nn8n exited (code ${code}); see ${logFile}`);
			void shutdown(1);
		}
	});

	// "Ready" means the package's nodes are really there, as the editor will see them.
	const cookie = await lib.signIn(n8n.url);
	const ours = (await lib.nodeTypes(n8n.url, cookie)).filter((t) => t.name.startsWith(`${lib.PACKAGE_NAME}.`));
	const names = [...new Set(ours.map((t) => t.displayName))].sort();
	if (ours.length === 0) throw new Error(`n8n started but does not list the package's nodes (see ${logFile})`);

	const editor = `http://localhost:${port}`;
	const lines = [
		'',
		`Ready in ${Math.round((Date.now() - started) / 1000)} s. Ctrl-C stops n8n and the sandbox.`,
		'',
		// Signing in at the bare URL lands on n8n's assistant page; this one lands on the examples.
		`  n8n editor   ${editor}/signin?redirect=%2Fhome%2Fworkflows`,
		`  sign in as   ${lib.OWNER.email}  /  ${lib.OWNER.password}   (local only: n8n listens on 127.0.0.1)`,
		`  nodes        ${names.join(', ')}`,
		'',
		'  Workflows (Overview page):',
		...prepared.workflows.map((w) => `    ${w.name}\n      ${editor}/workflow/${w.id}`),
		'',
		'  Try first: "Crosspost" → Execute workflow. It posts to the sandbox\'s Clawtter and ClawNet',
		'  and publishes to X and LinkedIn through Claw Post, then shows the live URLs.',
		'  The AI Agent example runs on the sandbox\'s scripted model (credential "OpenAI sandbox"):',
		'  open its chat and write "Tell Tom the release is out", "Tweet that we shipped" or any text',
		'  for Clawtter; the model calls that tool with your words and answers with its result.',
		'  For the DM auto-reply, publish (activate) it, then send it a DM as Tom:',
		`    curl -s -X POST ${info.networks.clawnet.baseUrl}/send \\`,
		`      -H "Authorization: Bearer ${info.networks.clawnet.credentials.Tom}" -H 'Content-Type: application/json' \\`,
		`      -d '{"to":"n8n_agent","message":"Hello from Tom"}'`,
		'',
		'  Sandbox (credentials "… sandbox" in n8n already point here; keys are local test keys):',
		`    Control API ${info.control}/_control/info`,
	];
	for (const [id, netInfo] of Object.entries(info.networks)) {
		lines.push(`    ${id.padEnd(9)} ${netInfo.baseUrl}`);
		for (const [who, key] of Object.entries(netInfo.credentials ?? {})) lines.push(`      ${who.padEnd(14)} ${key}`);
		if (netInfo.apiKey) lines.push(`      any key works, e.g. ${netInfo.apiKey}; script it: POST ${info.control}/_control/model/script`);
	}
	say(lines.join('\n'));
}

void main();
