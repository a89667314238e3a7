/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only test code: it reads files and the process's versions */
/**
 * One engine: the unit, node and trigger tests run on what users get from the pinned runtime
 * (scripts/n8n/runtime.js: n8n 2.40.7 on Node 24.21.0, its tree pinned by
 * scripts/n8n/runtime/package-lock.json). So the devDependencies n8n-core and n8n-workflow are the
 * versions n8n's own lock resolves, and so are their direct dependencies; jest runs on the
 * runtime's Node (scripts/test.js). Moving the pin: README, "Moving the pinned n8n".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NODE_VERSION, N8N_VERSION } from '../../scripts/n8n/runtime';

const ROOT = join(__dirname, '..', '..');
type Lock = { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;

const ours = readJson<Lock>('package-lock.json');
const runtimeLock = readJson<Lock>('scripts/n8n/runtime/package-lock.json');
const pkg = readJson<{ devDependencies: Record<string, string>; peerDependencies: Record<string, string> }>('package.json');

/** The version `name` resolves to when required from the package at `from` (Node's lookup, in a lock). */
function resolveIn(lock: Lock, from: string, name: string): string | undefined {
	let dir = from;
	for (;;) {
		const hit = lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
		if (hit) return hit.version;
		if (!dir) return undefined;
		dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '');
	}
}

describe('the tests run the engine the pinned runtime ships', () => {
	test(`the runtime is n8n ${N8N_VERSION} and its lock pins that n8n`, () => {
		expect(runtimeLock.packages['node_modules/n8n']?.version).toBe(N8N_VERSION);
	});

	test.each(['n8n-core', 'n8n-workflow'])('%s: devDependency = installed = the runtime lock’s version', (name) => {
		const shipped = runtimeLock.packages[`node_modules/${name}`]?.version;
		expect(shipped).toMatch(/^\d+\.\d+\.\d+$/);
		expect(pkg.devDependencies[name]).toBe(shipped);
		expect(ours.packages[`node_modules/${name}`]?.version).toBe(shipped);
		expect(readJson<{ version: string }>(`node_modules/${name}/package.json`).version).toBe(shipped);
	});

	test.each(['n8n-core', 'n8n-workflow'])('%s: its direct dependencies resolve to the runtime’s versions', (name) => {
		const deps = Object.keys(ours.packages[`node_modules/${name}`]?.dependencies ?? {});
		expect(deps.length).toBeGreaterThan(0);
		const differ = deps
			.map((dep) => ({ dep, tests: resolveIn(ours, `node_modules/${name}`, dep), runtime: resolveIn(runtimeLock, `node_modules/${name}`, dep) }))
			.filter((d) => d.tests !== d.runtime);
		expect(differ).toEqual([]);
	});

	test(`jest runs on the runtime's Node ${NODE_VERSION} (npm test / scripts/test.js picks it)`, () => {
		expect(process.versions.node).toBe(NODE_VERSION);
	});

	test('the package itself still asks n8n for any n8n-workflow (a peer, never a dependency)', () => {
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});
