/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only test code: it reads the repository's files */
/**
 * Publishing as n8n requires (its verification guidelines, the official n8n-nodes-starter): a CI
 * workflow running the tests, and a publish workflow on a version tag that publishes with an npm
 * provenance statement through trusted publishing (OIDC: `id-token: write`, no stored token).
 *
 * - ci.yml and publish.yml run .ci/run — the script CI runs here — so GitHub runs the very same
 *   commands; .ci/run runs `npm ci` and the README's test command.
 * - publish.yml triggers on version tags only, requests `id-token: write`, uses no npm token
 *   secret, and publishes through `npm run release`, which in GitHub Actions runs
 *   `npm publish --provenance` (scripts/release.js).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (w: Workflow) =>
	Object.values(w.jobs)
		.flatMap((j) => j.steps)
		.map((s) => s.run ?? '')
		.filter(Boolean);
/** Shell commands of a script or run step, one per line, without comments and blank lines. */
const commands = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#'));

describe('.ci/run', () => {
	const ci = commands(read('.ci/run'));

	test('installs from the lock and runs the README’s test command', () => {
		expect(ci).toContain('npm ci --no-audit --no-fund');
		expect(ci.some((c) => /^npm test\b/.test(c))).toBe(true);
		// the command the README gives
		expect(read('README.md')).toMatch(/^npm test\b/m);
	});
});

describe.each(['ci.yml', 'publish.yml'])('.github/workflows/%s', (file) => {
	test('exists and runs .ci/run (the same commands as CI here, n8n lint included) on Node 20', () => {
		expect(existsSync(join(ROOT, '.github', 'workflows', file))).toBe(true);
		const w = workflow(file);
		expect(runs(w)).toContain('bash .ci/run');
		// npm test runs n8n's lint on the whole repository (test/static/lint.test.ts)
		expect(read('test/static/lint.test.ts')).toMatch(/npm run lint/);
		const setup = Object.values(w.jobs)
			.flatMap((j) => j.steps)
			.find((s) => s.uses?.startsWith('actions/setup-node@'));
		expect(String(setup?.with?.['node-version'])).toBe('20');
	});

	test('caches the pinned n8n runtime under the path runtime.js installs it to', () => {
		const cache = Object.values(workflow(file).jobs)
			.flatMap((j) => j.steps)
			.find((s) => s.uses?.startsWith('actions/cache@'));
		expect(cache?.with?.path).toBe('~/.cache/n8n-nodes-claw-social');
		expect(String(cache?.with?.key)).toContain("hashFiles('scripts/n8n/runtime/package-lock.json'");
	});
});

describe('.github/workflows/ci.yml', () => {
	test('runs on pull requests and pushes to main, read-only', () => {
		const w = workflow('ci.yml');
		expect(Object.keys(w.on).sort()).toEqual(['pull_request', 'push']);
		expect(w.permissions).toEqual({ contents: 'read' });
	});
});

describe('.github/workflows/publish.yml', () => {
	const w = workflow('publish.yml');
	const job = Object.values(w.jobs)[0];

	test('runs on version tags only', () => {
		expect(Object.keys(w.on)).toEqual(['push']);
		expect(w.on.push).toEqual({ tags: ['*.*.*'] });
	});

	test('requests id-token: write (trusted publishing, provenance) and nothing more than reading the code', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(w.permissions).toEqual({ contents: 'read' });
	});

	test('uses no long-lived npm token', () => {
		const text = read('.github/workflows/publish.yml');
		expect(text).not.toMatch(/secrets\./);
		expect(text).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/);
	});

	test('tests first, then publishes through npm run release, on npm ≥ 11.5 (trusted publishing)', () => {
		const r = runs(w);
		expect(r.indexOf('bash .ci/run')).toBeGreaterThanOrEqual(0);
		expect(r.indexOf('npm run release')).toBeGreaterThan(r.indexOf('bash .ci/run'));
		expect(r).toContain('npm install -g npm@11');
		const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
	});

	test('npm run release publishes with provenance in GitHub Actions', () => {
		const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
		expect(pkg.scripts.release).toBe('node scripts/release.js');
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script's own constant: what it runs
		const release = require(join(ROOT, 'scripts', 'release.js')) as { PUBLISH_ARGS: string[] };
		expect(release.PUBLISH_ARGS).toEqual(['publish', '--provenance', '--access', 'public']);
		expect(read('scripts/release.js')).toMatch(/process\.env\.GITHUB_ACTIONS === 'true'\) inCi\(\)/);
	});
});

describe('CHANGELOG.md', () => {
	test('has an Unreleased section and one for the current version', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the release script's own parser
		const { section } = require(join(ROOT, 'scripts', 'release.js')) as { section(text: string, name: string): string | undefined };
		const text = read('CHANGELOG.md');
		const { version } = JSON.parse(read('package.json')) as { version: string };
		expect(section(text, 'Unreleased')).toBeDefined();
		expect(section(text, version)).toBeTruthy();
	});
});

describe('npm run release (on your machine)', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the release script's own helpers
	const release = require(join(ROOT, 'scripts', 'release.js')) as {
		releaseChangelog(text: string, version: string, date: string): string;
		section(text: string, name: string): string | undefined;
		compare(a: string, b: string): number;
	};

	test('moves the Unreleased notes under the new version and moves the compare links on', () => {
		const before = read('CHANGELOG.md');
		const after = release.releaseChangelog(before, '9.9.9', '2030-01-02');
		expect(after).toContain('## [9.9.9] - 2030-01-02');
		expect(release.section(after, '9.9.9')).toBe(release.section(before, 'Unreleased'));
		expect(release.section(after, 'Unreleased')).toBe('');
		expect(after).toMatch(/^\[Unreleased\]: \S+\/compare\/9\.9\.9\.\.\.HEAD$/m);
		expect(after).toMatch(/^\[9\.9\.9\]: \S+\/compare\/\S+\.\.\.9\.9\.9$/m);
	});

	test('refuses an empty Unreleased section', () => {
		expect(() => release.releaseChangelog('# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-11-23\n\n- x\n', '0.2.0', '2030-01-02')).toThrow(/no notes/);
	});

	test('orders versions (a pre-release before its release)', () => {
		expect(release.compare('0.2.0', '0.1.9')).toBeGreaterThan(0);
		expect(release.compare('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
		expect(release.compare('0.10.0', '0.9.0')).toBeGreaterThan(0);
	});
});
