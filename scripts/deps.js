#!/usr/bin/env node
/**
 * Makes sure node_modules matches package-lock.json before `npm start` / `npm test` use it, and
 * runs `npm ci` when it does not (missing, or installed from another lock). Plain Node, no
 * dependencies: it runs before anything is installed.
 *
 * "Matches" means: every package the lock lists for this machine is installed at the locked
 * version (packages for other platforms, and optional ones that were skipped, do not count), and
 * package.json's dependencies are the ones the lock was made from. Reading ~1,100 package.json
 * files takes well under a second.
 *
 * Usage: node scripts/deps.js           check, npm ci if needed
 *        node scripts/deps.js --check   exit 0 when up to date, 1 (with the reason) when not
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const say = (line) => process.stdout.write(`[deps] ${line}\n`);

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const sameMap = (a = {}, b = {}) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Why node_modules cannot be used as it is (a sentence), or undefined when it matches the lock. */
function staleReason(root = ROOT) {
	const lock = readJson(path.join(root, 'package-lock.json'));
	const pkg = readJson(path.join(root, 'package.json'));
	const locked = lock.packages[''] ?? {};
	for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
		if (!sameMap(pkg[field], locked[field])) return `package.json's ${field} differ from package-lock.json (run \`npm install\` to update the lock)`;
	}
	if (!fs.existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
	if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) return 'node_modules was not installed by npm from the lock';
	for (const [key, entry] of Object.entries(lock.packages)) {
		if (!key.startsWith('node_modules/') || entry.link) continue;
		let installed;
		try {
			installed = readJson(path.join(root, key, 'package.json')).version;
		} catch {
			// Optional packages (other platforms' bindings, skipped optional deps) may be absent.
			if (entry.optional || entry.devOptional || entry.os || entry.cpu) continue;
			return `${key.slice('node_modules/'.length)} is not installed`;
		}
		if (installed !== entry.version) return `${key.slice('node_modules/'.length)} is ${installed}, the lock says ${entry.version}`;
	}
	return undefined;
}

/** Runs `npm ci` when node_modules does not match the lock; says why and how long it took. */
function ensureDeps(root = ROOT) {
	const reason = staleReason(root);
	if (!reason) return false;
	if (/differ from package-lock/.test(reason)) throw new Error(reason);
	say(`${reason}: running \`npm ci\` (installs the ~1,100 locked dev packages, ~1 GB, into node_modules: 1–2 minutes) …`);
	const started = Date.now();
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	// npm ci prints nothing for a minute or two: a small watcher process (spawnSync blocks our own
	// timers) prints how far it got every 5 s.
	const watcher = spawn(
		process.execPath,
		[
			'-e',
			// npm makes every package's folder first and fills them afterwards: the disk tells more.
			`const fs = require('fs'); const used = () => { const s = fs.statfsSync(${JSON.stringify(root)}); return (s.blocks - s.bfree) * s.bsize; }; const start = used();
			 setInterval(() => process.stdout.write('[deps]   … npm ci: ' + Math.round((Date.now() - ${started}) / 1000) + ' s, ~' + Math.max(0, Math.round((used() - start) / 1e6)) + ' of ~1,000 MB written\\n'), 5000);`,
		],
		{ stdio: ['ignore', 'inherit', 'ignore'] },
	);
	let result;
	try {
		result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
	} finally {
		watcher.kill();
	}
	if (result.status !== 0) throw new Error(`npm ci failed (exit ${result.status ?? result.error?.message})`);
	say(`npm ci done in ${Math.round((Date.now() - started) / 1000)} s`);
	const still = staleReason(root);
	if (still) throw new Error(`after npm ci, node_modules still does not match the lock: ${still}`);
	return true;
}

module.exports = { staleReason, ensureDeps };

if (require.main === module) {
	if (process.argv[2] === '--check') {
		const reason = staleReason();
		process.stdout.write(reason ? `stale: ${reason}\n` : 'node_modules matches package-lock.json\n');
		process.exit(reason ? 1 : 0);
	}
	try {
		ensureDeps();
	} catch (error) {
		process.stderr.write(`[deps] ${error.message}\n`);
		process.exit(1);
	}
}
