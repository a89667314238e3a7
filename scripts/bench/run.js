#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): compiles the sandbox, makes sure the pinned n8n runtime
 * is installed (scripts/n8n/runtime.js), then runs scripts/bench/bench.js with the runtime's Node 24,
 * loading n8n-core, n8n-workflow and n8n-nodes-base from the runtime's node_modules: the engine
 * and Node version users run. Not a test: it prints a table and exits 0 unless something broke.
 */
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');

const { ensureRuntime } = require('../n8n/runtime');

const ROOT = path.resolve(__dirname, '../..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.sandbox.json'], { cwd: ROOT, stdio: 'inherit' });
const rt = ensureRuntime();
const result = spawnSync(rt.node, ['--expose-gc', path.join(__dirname, 'bench.js'), ...process.argv.slice(2)], {
	cwd: ROOT,
	stdio: 'inherit',
	env: { ...process.env, CLAW_BENCH_N8N_HOME: rt.n8nHome, CLAW_BENCH_N8N_VERSION: rt.n8nVersion },
});
process.exit(result.status ?? 1);
