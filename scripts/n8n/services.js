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
const os = require('node:os');
const path = require('node:path');

const { freePort, portInUse, launchGroup } = require('./lib');

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
	// `sudo` resets the environment (env_reset): DEBIAN_FRONTEND goes through `env` on the command line.
	const prefix = [...(isRoot() ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive'];
	if (!isRoot() && !onPath('sudo')) throw new Error(`${packages.join(', ')} missing, and installing them needs root (or sudo)`);
	const runApt = (args, what) => {
		log(`${what} …`);
		const started = Date.now();
		// A watcher child prints progress: spawnSync blocks our own timers.
		const ticker = spawn(process.execPath, ['-e', `setInterval(() => process.stderr.write('[services]   … ${what}: ' + Math.round((Date.now() - ${started}) / 1000) + ' s\\n'), 5000)`], { stdio: ['ignore', 'ignore', 'inherit'] });
		try {
			const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
			const result = spawnSync(cmd, rest, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
			if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.split('\n').slice(-20).join('\n')}`);
		} finally {
			ticker.kill();
		}
		log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
	};
	runApt(['update', '-qq'], 'apt-get update');
	runApt(['install', '-y', '-qq', '--no-install-recommends', ...packages], `apt-get install ${packages.join(' ')}`);
}

/**
 * Makes sure redis-server and PostgreSQL's server binaries are there (installs Debian's packages
 * otherwise); returns PostgreSQL's bin folder.
 */
function ensureServicePackages() {
	const missing = [];
	if (!onPath('redis-server')) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (missing.length) aptInstall(missing);
	const bin = postgresBin();
	if (!onPath('redis-server') || !bin) throw new Error('redis-server or PostgreSQL still missing after apt-get install');
	return bin;
}

/** Launches a service with lib's launchGroup and waits until it accepts connections on `port`. */
async function launchService(what, command, args, { port, logFile, env, uid, gid }) {
	const proc = launchGroup(command, args, { logFile, env, uid, gid, what, graceMs: 10_000 });
	try {
		await proc.waitUntil(() => portInUse(port), { timeoutMs: 60_000, intervalMs: 250 });
	} catch (error) {
		await proc.stop();
		throw error;
	}
	return proc;
}

/**
 * Starts Redis and PostgreSQL for one test run, in a fresh temporary folder. Returns
 * { redis: {host, port}, postgres: {host, port, user, database}, stop() }.
 */
async function startServices() {
	const bin = ensureServicePackages();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claw-social-services-'));
	fs.chmodSync(folder, 0o755);
	const started = [];
	const stop = async () => {
		for (const s of started.reverse()) await s.stop().catch(() => undefined);
		fs.rmSync(folder, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		started.push(
			await launchService('redis-server', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder], {
				port: redisPort,
				logFile: path.join(folder, 'redis.log'),
			}),
		);

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
		started.push(
			await launchService(
				'postgres',
				path.join(bin, 'postgres'),
				['-D', data, '-p', String(pgPort), '-k', data, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
				{ port: pgPort, logFile: pgLog, env, ...ids },
			),
		);
		// Accepting TCP is not yet accepting queries: give the startup a moment to finish.
		await new Promise((r) => setTimeout(r, 1000));
		return {
			redis: { host: '127.0.0.1', port: redisPort },
			postgres: { host: '127.0.0.1', port: pgPort, user: 'n8n', database: 'postgres' },
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startServices };
