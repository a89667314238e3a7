/**
 * Running the package in real n8n, shared by `npm start` (scripts/n8n/start.js) and the
 * end-to-end tests (test/e2e/): the environment n8n runs with, the packed package installed into
 * an n8n user folder, sandbox credentials, example workflows, the n8n CLI, and `n8n start` as a
 * child process that is waited for and stopped with everything it spawned.
 *
 * Plain Node (runs on Node 20); n8n itself runs on the Node 24 of scripts/n8n/runtime.js.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;
const EXAMPLES_DIR = path.join(ROOT, 'examples');

/** The local owner account `npm start` and the tests sign in with (loopback only, never a real instance). */
const OWNER = { email: 'owner@claw-social.local', password: 'ClawSocial-local-1', firstName: 'Local', lastName: 'Owner' };

/** Fixed credential ids, so the example workflows (which reference them) work right after import. */
const CREDENTIAL_IDS = { clawNetApi: 'clawNetSandbox01', clawtterApi: 'clawtterSandbx01', clawPostApi: 'clawPostSandbx01', openAiApi: 'openAiSandbox001' };

/** The seeded sandbox accounts the credentials act as. */
const SANDBOX_ACCOUNTS = { clawnet: 'n8n_agent', clawtter: 'n8n-agent', clawpost: 'paired' };

const secrets = new Set();
/** Values (keys, tokens) that error messages from this module must never show. */
function redactSecrets(values) {
	for (const value of values) if (typeof value === 'string' && value.length >= 8) secrets.add(value);
}
function redact(text) {
	let out = String(text);
	for (const secret of secrets) out = out.split(secret).join(`***${secret.slice(-4)}`);
	return out;
}

/** A free TCP port on the loopback interface. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Whether something accepts connections on 127.0.0.1:port. */
function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * The environment of every n8n process here: its own user folder, loopback only, nothing that
 * calls home (this machine has no internet: a call home would only log errors or hang), and the
 * owner account managed by environment variables (so the editor never shows its setup screen).
 * `port` is the editor's port; `brokerPort` the task runner broker's (each n8n process, even a
 * CLI `execute`, opens one, so parallel processes need different ports).
 */
function n8nEnv({ runtime, userFolder, port = 5678, brokerPort, extra = {} }) {
	const env = {};
	// Keep the basics of the caller's environment, but none of npm's or n8n's own settings.
	for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|N8N_|DB_|NODE_OPTIONS$|NODE_ENV$|EXECUTIONS_|QUEUE_|OFFLOAD_|WEBHOOK_URL$)/i.test(k)) env[k] = v;
	return {
		...env,
		PATH: `${path.dirname(runtime.node)}${path.delimiter}${process.env.PATH ?? ''}`,
		// n8n does nothing at all under NODE_ENV=test (jest sets it).
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}/`,
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// The MCP server registry is refreshed from n8n's servers at startup.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// The list of verified community packages comes from n8n's servers (the node panel asks):
		// offline, each ask logs a stack trace.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// Defaults n8n announces it will change: set to today's values, which keeps behaviour and
		// n8n's deprecation notice about them out of the log. (Two notices stay: the internal task
		// runner mode — the external runner is a separate launcher n8n ships only in Docker — and
		// the missing Python runner, which only Python Code nodes need.)
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 ** 3),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(runtime),
		...extra,
	};
}

let cachedHash;
/** bcrypt hash of the local owner's password, made with the bcryptjs that n8n itself uses. */
function ownerPasswordHash(runtime) {
	if (!cachedHash) {
		const bcrypt = require(require.resolve('bcryptjs', { paths: [runtime.n8nHome] }));
		cachedHash = bcrypt.hashSync(OWNER.password, 10);
	}
	return cachedHash;
}

/**
 * `npm pack` of the repository (exactly what would be published: `files` = dist/), extracted
 * into `<userFolder>/.n8n/nodes/node_modules/<package>` with the package.json n8n reads there.
 * The package must be built first. Returns the installed folder.
 */
function installPackedPackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claw-social-pack-'));
	try {
		const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' });
		if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
		const { filename, version } = JSON.parse(packed.stdout)[0];
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		const tar = spawnSync('tar', ['-xzf', path.join(packDir, filename), '--strip-components=1', '-C', target], { encoding: 'utf8' });
		if (tar.status !== 0) throw new Error(`extracting ${filename} failed: ${tar.stderr}`);
		fs.writeFileSync(
			path.join(nodesDir, 'package.json'),
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2)}\n`,
		);
		return target;
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}

/**
 * The three credentials of the sandbox (from its `GET /_control/info`), with fixed ids and the
 * seeded keys of the accounts in SANDBOX_ACCOUNTS, plus an OpenAI credential whose Base URL is
 * the sandbox's scripted model (any key works there). Shaped for `n8n import:credentials --decrypted`.
 */
function sandboxCredentials(info) {
	const key = (network) => {
		const value = info.networks[network]?.credentials?.[SANDBOX_ACCOUNTS[network]];
		if (!value) throw new Error(`the sandbox has no seeded ${network} key for ${SANDBOX_ACCOUNTS[network]}`);
		return value;
	};
	const now = new Date().toISOString();
	const credential = (type, name, data) => ({ id: CREDENTIAL_IDS[type], name, type, data, isManaged: false, createdAt: now, updatedAt: now });
	return [
		credential('clawNetApi', `ClawNet sandbox (${SANDBOX_ACCOUNTS.clawnet})`, { token: key('clawnet'), baseUrl: info.networks.clawnet.baseUrl }),
		credential('clawtterApi', `Clawtter sandbox (${SANDBOX_ACCOUNTS.clawtter})`, {
			apiKey: key('clawtter'),
			identityId: SANDBOX_ACCOUNTS.clawtter,
			baseUrl: info.networks.clawtter.baseUrl,
		}),
		credential('clawPostApi', `Claw Post sandbox (${SANDBOX_ACCOUNTS.clawpost})`, { apiKey: key('clawpost'), baseUrl: info.networks.clawpost.baseUrl }),
		...(info.networks.model
			? [credential('openAiApi', 'OpenAI sandbox (scripted model)', { apiKey: info.networks.model.apiKey, url: info.networks.model.baseUrl, header: false })]
			: []),
	];
}

/** The example workflows, parsed: [{ file, workflow }]. */
function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

/**
 * Runs one n8n CLI command to completion (import, execute, publish, …) on Node 24 and returns
 * { status, stdout, stderr }. Throws on a non-zero exit unless `allowFailure`.
 */
async function runN8n(runtime, args, { env, timeoutMs = 300_000, allowFailure = false } = {}) {
	return await new Promise((resolve, reject) => {
		const child = spawn(runtime.node, [runtime.n8n, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args[0]} did not finish within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (status) => {
			clearTimeout(timer);
			const result = { status, stdout, stderr };
			if (status !== 0 && !allowFailure) {
				const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
				reject(new Error(redact(`n8n ${args.join(' ')} exited with ${status}:\n${tail}`)));
			} else resolve(result);
		});
	});
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Prepares an n8n user folder: the packed package installed, the sandbox credentials imported
 * (always: the sandbox's ports may have changed), and the workflows imported. `workflows` is a
 * list of workflow objects (default: every example); with `onlyChanged`, a workflow is imported
 * only when it is new or its file changed since the last import (so edits made in the editor
 * survive a restart). `publish` lists workflow ids to activate at the next `n8n start`.
 */
async function prepareUserFolder({ runtime, userFolder, sandboxInfo, workflows, onlyChanged = false, publish = [], env }) {
	fs.mkdirSync(userFolder, { recursive: true });
	env = env ?? n8nEnv({ runtime, userFolder, brokerPort: await freePort() });
	installPackedPackage(userFolder);
	const work = path.join(userFolder, 'import');
	fs.rmSync(work, { recursive: true, force: true });
	writeJson(path.join(work, 'credentials.json'), sandboxCredentials(sandboxInfo));
	try {
		await runN8n(runtime, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`, '--decrypted'], { env });

		const list = workflows ?? exampleWorkflows().map((e) => e.workflow);
		const stateFile = path.join(userFolder, 'imported-workflows.json');
		const state = onlyChanged && fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : {};
		const hash = (w) => crypto.createHash('sha256').update(JSON.stringify(w)).digest('hex');
		const todo = list.filter((w) => !onlyChanged || state[w.id] !== hash(w));
		if (todo.length) {
			writeJson(path.join(work, 'workflows.json'), todo);
			await runN8n(runtime, ['import:workflow', `--input=${path.join(work, 'workflows.json')}`], { env });
			for (const w of todo) state[w.id] = hash(w);
			writeJson(stateFile, state);
		}
		for (const id of publish) await runN8n(runtime, ['publish:workflow', `--id=${id}`], { env });
		return { imported: todo.map((w) => w.name), workflows: list };
	} finally {
		// The credentials file holds the keys in clear: it lives only for the import.
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/**
 * `n8n execute --id=… --rawOutput`: runs a workflow (it must start with a Manual Trigger) and
 * returns { run, stdout, stderr }, `run` being the execution n8n printed as JSON.
 */
async function executeWorkflow(runtime, id, { env, timeoutMs = 300_000 } = {}) {
	const result = await runN8n(runtime, ['execute', `--id=${id}`, '--rawOutput'], { env, timeoutMs, allowFailure: true });
	// n8n may print log lines before and after the JSON: the run is the object from a line that is
	// exactly "{" to the last line that is exactly "}" (the JSON is pretty-printed).
	const lines = result.stdout.split('\n');
	const end = lines.map((l) => l.trimEnd()).lastIndexOf('}');
	let run;
	for (let i = 0; i < end && !run; i++) {
		if (lines[i].trimEnd() !== '{' && !lines[i].startsWith('{')) continue;
		try {
			run = JSON.parse(lines.slice(i, end + 1).join('\n'));
		} catch {
			/* try the next candidate; undefined at the end: the caller reports stdout */
		}
	}
	if (result.status !== 0 || !run) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
		throw new Error(redact(`n8n execute --id=${id} failed (exit ${result.status}):\n${tail}`));
	}
	return { run, stdout: result.stdout, stderr: result.stderr };
}

/** The output items of a node in an execution printed by `n8n execute`: [[item, …] per run]. */
function nodeOutput(run, nodeName) {
	const runs = run?.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.map((r) => (r.data?.main?.[0] ?? []).map((item) => item.json));
}

async function httpStatus(url) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}

/**
 * Launches `command args` in its own process group (so that stopping it also stops whatever it
 * spawns), logging stdout and stderr to `logFile`; `uid`/`gid` run it as another user. Returns at
 * once { child, pid, exited, stop, waitUntil }: `stop(graceMs)` ends the group (SIGTERM, then
 * SIGKILL after the grace period, then SIGKILL to anything left in the group); `waitUntil(check)`
 * polls `check()` until it is true and rejects, with the log's tail, if the process exits first or
 * the timeout passes. Shared by launchN8n and scripts/n8n/services.js.
 */
function launchGroup(command, args, { env, logFile, uid, gid, what = path.basename(command), graceMs: defaultGraceMs = 15_000 }) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', log, log], detached: true, uid, gid });
	fs.closeSync(log);
	let exited = false;
	const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	void exitPromise.then(() => (exited = true));
	const group = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			/* already gone */
		}
	};

	const stop = async (graceMs = defaultGraceMs) => {
		if (!exited) {
			group('SIGTERM');
			const timer = setTimeout(() => group('SIGKILL'), graceMs);
			await exitPromise;
			clearTimeout(timer);
		}
		group('SIGKILL'); // anything left in the group (e.g. a task runner that outlived n8n)
	};

	const waitUntil = async (check, { timeoutMs, intervalMs = 500 }) => {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited) {
				const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-30).join('\n');
				throw new Error(redact(`${what} exited during startup (see ${logFile}):\n${tail}`));
			}
			if (await check()) return;
			await new Promise((r) => setTimeout(r, intervalMs));
		}
		throw new Error(`${what} was not ready within ${timeoutMs / 1000} s (see ${logFile})`);
	};
	return { child, pid: child.pid, exited: () => exited, stop, waitUntil };
}

/**
 * Launches `n8n start` (or `n8n worker`, with `command`) with launchGroup (so that stopping it
 * also stops the task runner it spawns), logging to `logFile`. Returns at once
 * { child, pid, url, stop, ready, exited }: `ready()` resolves when `/healthz/readiness` answers
 * 200 (database migrated, server up; plain `/healthz` answers before that) and rejects if n8n
 * exits or the timeout passes; `stop()` ends the group (SIGTERM, then SIGKILL after a grace period).
 */
function launchN8n(runtime, { env, logFile, command = 'start' }) {
	// A queue-mode worker answers /healthz/readiness on its own health port (QUEUE_HEALTH_CHECK_*).
	const url = `http://127.0.0.1:${command === 'worker' ? env.QUEUE_HEALTH_CHECK_PORT : env.N8N_PORT}`;
	if (command === 'worker' && (env.QUEUE_HEALTH_CHECK_ACTIVE !== 'true' || !env.QUEUE_HEALTH_CHECK_PORT)) {
		throw new Error('a worker is waited for on its health port: set QUEUE_HEALTH_CHECK_ACTIVE=true and QUEUE_HEALTH_CHECK_PORT');
	}
	const proc = launchGroup(runtime.node, [runtime.n8n, command], { env, logFile, what: 'n8n', graceMs: 15_000 });
	const ready = async (timeoutMs = 180_000) =>
		await proc.waitUntil(async () => (await httpStatus(`${url}/healthz/readiness`)) === 200, { timeoutMs, intervalMs: 500 });
	return { child: proc.child, pid: proc.pid, url, stop: proc.stop, ready, exited: proc.exited };
}

/** launchN8n + ready(); stops n8n again if it does not get ready. `command`: 'start' or 'worker'. */
async function startN8n(runtime, { env, logFile, timeoutMs, command = 'start' }) {
	const port = Number(command === 'worker' ? env.QUEUE_HEALTH_CHECK_PORT : env.N8N_PORT);
	if (await portInUse(port)) throw new Error(`port ${port} is already in use (another n8n?)`);
	const n8n = launchN8n(runtime, { env, logFile, command });
	try {
		await n8n.ready(timeoutMs);
	} catch (error) {
		await n8n.stop();
		throw error;
	}
	return n8n;
}

/** Signs in as the local owner; returns the `Cookie` header value for REST calls. */
async function signIn(url) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!response.ok) throw new Error(`sign-in as ${OWNER.email} failed: HTTP ${response.status} ${await response.text()}`);
	const cookies = response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''];
	return cookies.map((c) => c.split(';')[0]).filter(Boolean).join('; ');
}

/** The node types a running n8n offers (its editor loads the same list): GET /types/nodes.json. */
async function nodeTypes(url, cookie) {
	const response = await fetch(`${url}/types/nodes.json`, { headers: { Cookie: cookie } });
	if (!response.ok) throw new Error(`GET /types/nodes.json: HTTP ${response.status}`);
	return await response.json();
}

module.exports = {
	ROOT,
	PACKAGE_NAME,
	EXAMPLES_DIR,
	OWNER,
	CREDENTIAL_IDS,
	SANDBOX_ACCOUNTS,
	redactSecrets,
	freePort,
	portInUse,
	n8nEnv,
	installPackedPackage,
	sandboxCredentials,
	exampleWorkflows,
	runN8n,
	prepareUserFolder,
	executeWorkflow,
	nodeOutput,
	launchGroup,
	launchN8n,
	startN8n,
	signIn,
	nodeTypes,
};
