#!/usr/bin/env node
/*
 * This workplace's npm registry has no copies of unrs-resolver's non-Linux platform bindings
 * (a lint-toolchain dependency): it answers 404, so `npm install` cannot write them into
 * package-lock.json, and `npm ci` then refuses to run ("Missing … from lock file").
 * This script writes their lock entries by hand — name, version and the platform they are for —
 * so that npm ci sees a complete lock and skips them as optional packages for other platforms,
 * as it would with a complete registry. Run it after regenerating the lock file.
 * (package.json `overrides` would also work, but n8n's verification rejects that field.)
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const platform = {
	'android-arm-eabi': ['android', 'arm'],
	'android-arm64': ['android', 'arm64'],
	'darwin-arm64': ['darwin', 'arm64'],
	'darwin-x64': ['darwin', 'x64'],
	'freebsd-x64': ['freebsd', 'x64'],
	'linux-arm-gnueabihf': ['linux', 'arm', 'glibc'],
	'linux-arm-musleabihf': ['linux', 'arm', 'musl'],
	'linux-loong64-gnu': ['linux', 'loong64', 'glibc'],
	'linux-loong64-musl': ['linux', 'loong64', 'musl'],
	'linux-ppc64-gnu': ['linux', 'ppc64', 'glibc'],
	'linux-riscv64-gnu': ['linux', 'riscv64', 'glibc'],
	'linux-riscv64-musl': ['linux', 'riscv64', 'musl'],
	'linux-s390x-gnu': ['linux', 's390x', 'glibc'],
	'openharmony-arm64': ['openharmony', 'arm64'],
	'win32-arm64-msvc': ['win32', 'arm64'],
	'win32-ia32-msvc': ['win32', 'ia32'],
	'win32-x64-msvc': ['win32', 'x64'],
};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
	const optional = entry.optionalDependencies ?? {};
	for (const [name, version] of Object.entries(optional)) {
		const suffix = name.replace('@unrs/resolver-binding-', '');
		if (!name.startsWith('@unrs/resolver-binding-') || !platform[suffix]) continue;
		const where = `${key.replace(/node_modules\/unrs-resolver$/, '')}node_modules/${name}`;
		if (lock.packages[where]) continue;
		const [os, cpu, libc] = platform[suffix];
		lock.packages[where] = {
			version,
			cpu: [cpu],
			dev: true,
			...(libc ? { libc: [libc] } : {}),
			license: 'MIT',
			optional: true,
			os: [os],
		};
		added++;
	}
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`lock-missing-bindings: added ${added} lock entries\n`);
