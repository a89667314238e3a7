/**
 * Redis and PostgreSQL for running n8n in queue mode (test/e2e/queue-mode.test.ts): Debian's
 * packages, installed when missing (`apt-get`, as root or through `sudo -n`), and throw-away
 * instances of both on free loopback ports in a temporary folder, stopped with everything in it.
 *
 * Plain Node (runs on Node 20 and 24). Never touches a system-wide Redis or PostgreSQL service:
 * each instance is a child process of ours with its own data folder.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const log = (line) => process.stderr.write(`[services] ${line}\n`);

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** The newest /usr/lib/postgresql/<major>/bin folder with initdb and postgres, if any. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')) && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/** Installs Debian packages, printing a line every 5 s while apt works. */
function aptInstall(packages) {
	const prefix = isRoot() ? [] : ['sudo', '-n'];
	if (!isRoot() && !onPath('sudo')) throw new Error(`${packages.join(', ')} missing, and installing them needs root (or sudo)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const runApt = (args, what) => {
		log(`${what} …`);
		const started = Date.now();
		// A watcher child prints progress: spawnSync blocks our own timers.
		const ticker = spawn(process.execPath, ['-e', `setInterval(() => process.stderr.write('[services]   … ${what}: ' + Math.round((Date.now() - ${started}) / 1000) + ' s\\n'), 5000)`], { stdio: ['ignore', 'ignore', 'inherit'] });
		try {
			const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
			const result = spawnSync(cmd, rest, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
			if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.split('\n').slice(-20).join('\n')}`);
		} finally {
			ticker.kill();
		}
		log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
	};
	runApt(['update', '-qq'], 'apt-get update');
	runApt(['install', '-y', '-qq', '--no-install-recommends', ...packages], `apt-get install ${packages.join(' ')}`);
}

/** Makes sure redis-server and PostgreSQL's server binaries are there (installs Debian's packages otherwise). */
function ensureServicePackages() {
	const missing = [];
	if (!onPath('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (missing.length) aptInstall(missing);
	const bin = postgresBin();
	if (!onPath('redis-server') || !bin) throw new Error('redis-server or PostgreSQL still missing after apt-get install');
	return { redisServer: 'redis-server', postgresBin: bin };
}

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

function canConnect(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** A child process in its own group, logging to a file; stop() ends the group. */
function launch(command, args, { logFile, env, uid, gid }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true, env: env ?? process.env, uid, gid });
	fs.closeSync(out);
	let exited = false;
	const exit = new Promise((resolve) => child.once('exit', () => resolve()));
	void exit.then(() => (exited = true));
	const group = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			/* gone */
		}
	};
	return {
		child,
		exited: () => exited,
		async stop() {
			if (!exited) {
				group('SIGTERM');
				const timer = setTimeout(() => group('SIGKILL'), 10_000);
				await exit;
				clearTimeout(timer);
			}
		},
	};
}

async function waitForPort(port, proc, what, logFile, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (proc.exited()) throw new Error(`${what} exited during startup:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
		if (await canConnect(port)) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${what} did not listen on ${port} within ${timeoutMs / 1000} s`);
}

/**
 * Starts Redis and PostgreSQL for one test run, in a fresh temporary folder. Returns
 * { redis: {host, port}, postgres: {host, port, user, database}, folder, stop() }.
 */
async function startServices() {
	const { redisServer, postgresBin: bin } = ensureServicePackages();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claw-social-services-'));
	fs.chmodSync(folder, 0o755);
	const started = [];
	const stop = async () => {
		for (const s of started.reverse()) await s.stop().catch(() => undefined);
		fs.rmSync(folder, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		const redisLog = path.join(folder, 'redis.log');
		const redis = launch(redisServer, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder], { logFile: redisLog });
		started.push(redis);
		await waitForPort(redisPort, redis, 'redis-server', redisLog);

		// PostgreSQL refuses to run as root: as root, its data folder and process belong to the
		// `postgres` user that Debian's package creates.
		const data = path.join(folder, 'pg');
		fs.mkdirSync(data, { mode: 0o700 });
		let ids = {};
		if (isRoot()) {
			const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
			const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
			if (!Number.isInteger(uid) || uid === 0) throw new Error('no `postgres` user to run PostgreSQL as');
			fs.chownSync(data, uid, gid);
			ids = { uid, gid };
		}
		const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
		const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync'], { encoding: 'utf8', env, ...ids });
		if (init.status !== 0) throw new Error(`initdb failed: ${init.stdout}${init.stderr}`);
		const pgPort = await freePort();
		const pgLog = path.join(folder, 'postgres.log');
		fs.writeFileSync(pgLog, '');
		if (ids.uid !== undefined) fs.chownSync(pgLog, ids.uid, ids.gid);
		const postgres = launch(
			path.join(bin, 'postgres'),
			['-D', data, '-p', String(pgPort), '-k', data, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
			{ logFile: pgLog, env, ...ids },
		);
		started.push(postgres);
		await waitForPort(pgPort, postgres, 'postgres', pgLog);
		// Accepting TCP is not yet accepting queries: give the startup a moment to finish.
		await new Promise((r) => setTimeout(r, 1000));
		return {
			folder,
			redis: { host: '127.0.0.1', port: redisPort },
			postgres: { host: '127.0.0.1', port: pgPort, user: 'n8n', database: 'postgres' },
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { ensureServicePackages, startServices, postgresBin };
