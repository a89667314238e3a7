#!/usr/bin/env node
/**
 * `npm test`: on a fresh clone as on a working one.
 *
 *   1. node_modules matches package-lock.json, else `npm ci` (scripts/deps.js)
 *   2. `npm run build` and `npm run typecheck`
 *   3. the pinned runtime (scripts/n8n/runtime.js): n8n 2.40.7 on Node 24.21.0, installed once
 *      with progress lines; with CLAW_E2E=0 and no runtime installed, Node 24.21.0 alone
 *   4. jest on that Node 24 — the Node the runtime runs n8n on — so the unit, node and trigger
 *      tests run the same engine (n8n-core 2.40.3 / n8n-workflow 2.40.1, the runtime's, see
 *      test/static/engine.test.ts) that users get.
 *
 * Arguments go to jest: `npm test -- test/shared` runs one folder. `--jest-only` (first argument)
 * skips step 2 (but builds when there is no dist/), for quick runs while editing
 * (`npm run jest -- test/shared`).
 */
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const say = (line) => process.stdout.write(`[test] ${line}\n`);

function step(label, command, args, options = {}) {
	say(label);
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		say(`${label.replace(/ …$/, '')} failed (exit ${result.status ?? result.error?.message})`);
		process.exit(result.status || 1);
	}
}

function main() {
	let args = process.argv.slice(2);
	const jestOnly = args[0] === '--jest-only';
	if (jestOnly) args = args.slice(1);

	try {
		require('./deps').ensureDeps(ROOT);
	} catch (error) {
		say(error.message);
		process.exit(1);
	}
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	// The e2e and static tests pack dist/: even a quick run builds when there is none.
	if (!jestOnly || !require('node:fs').existsSync(path.join(ROOT, 'dist'))) {
		step('building the package (npm run build) …', npm, ['run', '--silent', 'build']);
		if (!jestOnly) step('type-checking (npm run typecheck) …', npm, ['run', '--silent', 'typecheck']);
	}

	// Loaded only now: runtime.js is plain Node, but keep the order obvious.
	const runtime = require('./n8n/runtime');
	let node;
	try {
		if (process.env.CLAW_E2E === '0' && !runtime.installedRuntime()) {
			say(`CLAW_E2E=0: the end-to-end tests are skipped; jest runs on Node ${runtime.NODE_VERSION} alone`);
			node = runtime.ensureNode();
		} else {
			if (!runtime.installedRuntime()) say(`the end-to-end tests need n8n ${runtime.N8N_VERSION}: installing it once (progress below; CLAW_E2E=0 skips those tests instead) …`);
			node = runtime.ensureRuntime().node;
		}
	} catch (error) {
		say(error.message);
		process.exit(1);
	}
	say(`jest on Node ${runtime.NODE_VERSION} (${path.relative(ROOT, node).startsWith('..') ? node : path.relative(ROOT, node)}) …`);
	const jest = path.join(path.dirname(require.resolve('jest/package.json', { paths: [ROOT] })), 'bin', 'jest.js');
	const result = spawnSync(node, [jest, ...args], { cwd: ROOT, stdio: 'inherit' });
	process.exit(result.status ?? 1);
}

main();
