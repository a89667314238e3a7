/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * n8n's official lint, `n8n-node lint` from @n8n/node-cli, run exactly as `npm run lint` runs it.
 *
 * The CLI lints the whole repository (`eslint .`: every *.ts file except those in dist/, so
 * test/ and sandbox/ too, plus package.json), and in strict mode it refuses to run unless
 * eslint.config.mjs is the unmodified template, so test/ and sandbox/ cannot be excluded
 * through the config. What ships and what n8n's verification lints are nodes/, credentials/
 * and package.json: those must have no errors. Problems elsewhere are printed but not asserted.
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import {
	ROOT,
	formatLintMessage,
	lintErrorsUnder,
	makeTempDir,
	removeDir,
	runN8nNodeLint,
	writeFiles,
	type LintRun,
} from './helpers';

const SHIPPED_SOURCES = ['nodes', 'credentials'];

describe('n8n-node lint', () => {
	let lint: LintRun;

	beforeAll(() => {
		lint = runN8nNodeLint(ROOT);
	}, 240_000);

	test('eslint.config.mjs is the unmodified template (package.json has n8n.strict)', () => {
		const template = readFileSync(
			join(ROOT, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs'),
			'utf8',
		);
		const current = readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8');
		const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
		expect(normalize(current)).toBe(normalize(template));
	});

	test('no lint errors in nodes/ and credentials/', () => {
		expect(lintErrorsUnder(lint, ROOT, SHIPPED_SOURCES)).toEqual([]);
	});

	test('no lint errors in package.json', () => {
		const errors = lint.messages
			.filter((m) => m.severity === 'error' && m.file === join(ROOT, 'package.json'))
			.map((m) => formatLintMessage(ROOT, m));
		expect(errors).toEqual([]);
	});

	test('no lint errors anywhere else either: `npm run lint` (and `n8n-node release`) exits 0', () => {
		// Dev-only code (sandbox/, test/) opts out of the Node-API rules with a file-level comment.
		const errors = lint.messages.filter((m) => m.severity === 'error').map((m) => formatLintMessage(ROOT, m));
		expect(errors).toEqual([]);
		expect(lint.result.status).toBe(0);
		expect(lint.summary?.problems ?? 0).toBe(lint.messages.length);
	});
});

describe('n8n-node lint self-check', () => {
	let dir: string | undefined;
	afterAll(() => removeDir(dir));

	test('a node and a credential file with real errors are caught and attributed', () => {
		dir = makeTempDir('lint');
		writeFiles(dir, {
			'eslint.config.mjs': readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8'),
			'package.json': JSON.stringify(
				{
					name: 'n8n-nodes-lint-selfcheck',
					version: '0.0.1',
					description: 'Lint self-check',
					license: 'MIT',
					homepage: 'https://example.com',
					keywords: ['n8n-community-node-package'],
					author: { name: 'Self Check', email: 'self-check@example.com' },
					files: ['dist'],
					n8n: { n8nNodesApiVersion: 1, strict: true, credentials: [], nodes: [] },
					peerDependencies: { 'n8n-workflow': '*' },
				},
				null,
				2,
			),
			'nodes/Bad/helper.ts': [
				"import { readFileSync } from 'node:fs';",
				'',
				'export function read(): string {',
				'\tsetTimeout(() => undefined, 1);',
				"\treturn readFileSync('x', 'utf8');",
				'}',
				'',
			].join('\n'),
			'credentials/helper.ts': 'export const home = process.env.HOME;\n',
			'test/ignored.ts': 'export const cwd = process.cwd();\n',
		});
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction');

		const lint = runN8nNodeLint(dir);

		expect(lint.result.status).toBe(1);
		const errors = lintErrorsUnder(lint, dir, SHIPPED_SOURCES).sort();
		expect(errors).toEqual([
			expect.stringMatching(/^credentials\/helper\.ts:1:\d+ {2}error {2}.*'process'.*@n8n\/community-nodes\/no-restricted-globals$/),
			expect.stringMatching(/^nodes\/Bad\/helper\.ts:1:1 {2}error {2}.*'node:fs'.*@n8n\/community-nodes\/no-restricted-imports$/),
			expect.stringMatching(/^nodes\/Bad\/helper\.ts:4:\d+ {2}error {2}.*'setTimeout'.*@n8n\/community-nodes\/no-restricted-globals$/),
		]);
		// The CLI lints test/ too, but those errors are not attributed to the shipped sources.
		expect(lint.messages.some((m) => m.file === join(dir!, 'test', 'ignored.ts'))).toBe(true);
	}, 240_000);
});
