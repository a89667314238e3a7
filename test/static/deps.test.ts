/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test code: it writes temporary folders */
/**
 * `npm start` and `npm test` run `npm ci` themselves when node_modules does not match the lock
 * (scripts/deps.js). Here: what counts as stale, on small made-up projects, and that this
 * checkout's node_modules (which jest runs from) counts as up to date.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain-JS script under test
const { staleReason } = require('../../scripts/deps.js') as { staleReason(root?: string): string | undefined };

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function project(options: { installed?: Record<string, string>; devDependencies?: Record<string, string>; hiddenLock?: boolean } = {}): string {
	const root = mkdtempSync(join(tmpdir(), 'claw-social-deps-'));
	folders.push(root);
	const devDependencies = { alpha: '1.0.0' };
	writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'p', devDependencies: options.devDependencies ?? devDependencies }));
	writeFileSync(
		join(root, 'package-lock.json'),
		JSON.stringify({
			lockfileVersion: 3,
			packages: {
				'': { name: 'p', devDependencies },
				'node_modules/alpha': { version: '1.0.0', dev: true },
				'node_modules/@scope/binding-darwin': { version: '1.0.0', dev: true, optional: true, os: ['darwin'] },
			},
		}),
	);
	if (options.installed) {
		mkdirSync(join(root, 'node_modules'));
		if (options.hiddenLock !== false) writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{}');
		for (const [name, version] of Object.entries(options.installed)) {
			mkdirSync(join(root, 'node_modules', name), { recursive: true });
			writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
		}
	}
	return root;
}

test('this checkout’s node_modules matches its lock', () => {
	expect(staleReason()).toBeUndefined();
});

test('up to date: every locked package at its version; other platforms’ optional bindings may be absent', () => {
	expect(staleReason(project({ installed: { alpha: '1.0.0' } }))).toBeUndefined();
});

test.each([
	['no node_modules', {}, /node_modules is missing/],
	['not installed by npm', { installed: { alpha: '1.0.0' }, hiddenLock: false }, /not installed by npm/],
	['a package missing', { installed: {} }, /alpha is not installed/],
	['another version installed', { installed: { alpha: '0.9.0' } }, /alpha is 0\.9\.0, the lock says 1\.0\.0/],
	['package.json changed without the lock', { installed: { alpha: '1.0.0' }, devDependencies: { alpha: '2.0.0' } }, /devDependencies differ from package-lock\.json/],
])('stale: %s', (_label, options, reason) => {
	expect(staleReason(project(options))).toMatch(reason);
});
