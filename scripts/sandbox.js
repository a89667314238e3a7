#!/usr/bin/env node
// Compiles the sandbox (TypeScript, dev-only) into .build/ and runs it.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.sandbox.json'], {
	cwd: root,
	stdio: 'inherit',
});
require(path.join(root, '.build/sandbox/cli.js'));
