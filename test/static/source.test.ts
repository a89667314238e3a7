/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Static checks on package.json and on the TypeScript sources that ship (nodes/, credentials/).
 *
 * The n8n lint allows any package listed in devDependencies to be imported (it only guards
 * runtime dependencies), so `import { ... } from 'n8n-core'` passes `n8n-node lint` yet breaks
 * once the package is installed in n8n. These checks are stricter: shipped code may import only
 * n8n-workflow and relative files inside nodes/ and credentials/, and may not touch Node's
 * runtime (process, timers, require, globalThis...).
 *
 * Sources are parsed with the TypeScript compiler API (a devDependency) rather than regular
 * expressions, so words in strings and comments ("Process the post", "// see setTimeout") or
 * property names (`options.timeout`, `{ process: true }`) are never mistaken for code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

import { ROOT, isInside, readPackageJson } from './helpers';

const SHIPPED_FOLDERS = ['nodes', 'credentials'];
const ALLOWED_PACKAGES = new Set(['n8n-workflow']);
/** Node.js runtime globals that community nodes must not use (a superset of n8n's lint list). */
const FORBIDDEN_GLOBALS = new Set([
	'process',
	'global',
	'globalThis',
	'setTimeout',
	'setInterval',
	'setImmediate',
	'clearTimeout',
	'clearInterval',
	'clearImmediate',
	'__dirname',
	'__filename',
	'require',
	'eval',
]);

interface Finding {
	line: number;
	problem: string;
}

/** Module specifiers and forbidden globals used by one TypeScript source text. */
function analyzeSource(fileName: string, text: string): { imports: Array<{ line: number; specifier: string }>; findings: Finding[] } {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const imports: Array<{ line: number; specifier: string }> = [];
	const findings: Finding[] = [];
	const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
	const addImport = (node: ts.Node, specifier: ts.Node | undefined) => {
		if (specifier && ts.isStringLiteralLike(specifier)) imports.push({ line: lineOf(node), specifier: specifier.text });
		else findings.push({ line: lineOf(node), problem: 'module loaded with a non-literal specifier' });
	};
	/** True when the identifier is only a property/member name, not a reference to a variable. */
	const isPropertyName = (node: ts.Identifier) => {
		const parent = node.parent;
		return (
			((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) &&
				(ts.isPropertyAccessExpression(parent) ? parent.name : parent.right) === node) ||
			((ts.isPropertyAssignment(parent) ||
				ts.isPropertyDeclaration(parent) ||
				ts.isPropertySignature(parent) ||
				ts.isMethodDeclaration(parent) ||
				ts.isMethodSignature(parent) ||
				ts.isGetAccessorDeclaration(parent) ||
				ts.isSetAccessorDeclaration(parent) ||
				ts.isEnumMember(parent)) &&
				parent.name === node)
		);
	};
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
			if (node.moduleSpecifier) addImport(node, node.moduleSpecifier);
		} else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
			addImport(node, node.moduleReference.expression);
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
			addImport(node, node.arguments[0]);
		} else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
			addImport(node, node.argument.literal);
		} else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isPropertyName(node)) {
			findings.push({ line: lineOf(node), problem: `uses the Node.js runtime global \`${node.text}\`` });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return { imports, findings };
}

function shippedSourceFiles(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
		}
	};
	for (const folder of SHIPPED_FOLDERS) walk(join(ROOT, folder));
	return files.sort();
}

function violations(file: string, text: string): string[] {
	const where = (line: number) => `${relative(ROOT, file)}:${line}`;
	const { imports, findings } = analyzeSource(file, text);
	const problems = findings.map((f) => `${where(f.line)} ${f.problem}`);
	for (const { line, specifier } of imports) {
		if (specifier.startsWith('./') || specifier.startsWith('../')) {
			const target = resolve(dirname(file), specifier);
			if (!SHIPPED_FOLDERS.some((folder) => isInside(join(ROOT, folder), target))) {
				problems.push(`${where(line)} imports '${specifier}', outside nodes/ and credentials/ (it would not be in the package)`);
			}
		} else if (!ALLOWED_PACKAGES.has(specifier)) {
			problems.push(`${where(line)} imports '${specifier}': only 'n8n-workflow' and relative paths are available to a community node`);
		}
	}
	return problems;
}

describe('package.json', () => {
	const pkg = readPackageJson();

	test('has no runtime dependencies', () => {
		expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
		expect(Object.keys(pkg.optionalDependencies ?? {})).toEqual([]);
		expect(pkg.bundleDependencies ?? pkg.bundledDependencies ?? []).toEqual([]);
	});

	test('n8n-workflow is only a peer dependency, on "*"', () => {
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});

describe('shipped sources (nodes/, credentials/)', () => {
	const files = shippedSourceFiles();

	test('there are sources to check', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	test('import only n8n-workflow or relative files inside nodes/ and credentials/, use no Node.js runtime globals', () => {
		const problems = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')));
		expect(problems).toEqual([]);
	});
});

describe('source analyzer self-check', () => {
	const fake = join(ROOT, 'nodes', 'Fake', 'Fake.node.ts');

	test('flags forbidden imports, escaping relative paths and runtime globals', () => {
		const text = [
			"import { NodeOperationError } from 'n8n-workflow';",
			"import type { INodeType } from 'n8n-workflow';",
			"import { helper } from '../shared/helper';",
			"import { Container } from 'n8n-core';",
			"import * as fs from 'node:fs';",
			"import 'child_process';",
			"export { harness } from '../../test/harness/n8n';",
			"import http = require('http');",
			"const later = import('undici');",
			"type T = import('@n8n/di').Container;",
			'const key = process.env.KEY;',
			'setTimeout(() => undefined, 5);',
			"const cp = require('node:child_process');",
			'const g = globalThis;',
			'const obj = { process: true, setTimeout: 1 };',
			"const words = 'Process the post, then setTimeout and require( in a string';",
			'// process.exit() in a comment',
			'const n = obj.process;',
		].join('\n');
		const only = "only 'n8n-workflow' and relative paths are available to a community node";
		expect(violations(fake, text)).toEqual([
			'nodes/Fake/Fake.node.ts:11 uses the Node.js runtime global `process`',
			'nodes/Fake/Fake.node.ts:12 uses the Node.js runtime global `setTimeout`',
			'nodes/Fake/Fake.node.ts:13 uses the Node.js runtime global `require`',
			'nodes/Fake/Fake.node.ts:14 uses the Node.js runtime global `globalThis`',
			`nodes/Fake/Fake.node.ts:4 imports 'n8n-core': ${only}`,
			`nodes/Fake/Fake.node.ts:5 imports 'node:fs': ${only}`,
			`nodes/Fake/Fake.node.ts:6 imports 'child_process': ${only}`,
			"nodes/Fake/Fake.node.ts:7 imports '../../test/harness/n8n', outside nodes/ and credentials/ (it would not be in the package)",
			`nodes/Fake/Fake.node.ts:8 imports 'http': ${only}`,
			`nodes/Fake/Fake.node.ts:9 imports 'undici': ${only}`,
			`nodes/Fake/Fake.node.ts:10 imports '@n8n/di': ${only}`,
		]);
	});

	test('accepts a clean node source', () => {
		const text = [
			"import { NodeConnectionTypes, sleep } from 'n8n-workflow';",
			"import type { IExecuteFunctions } from 'n8n-workflow';",
			"import { helper } from './resources/helper';",
			"export * from '../shared/transport';",
			"const description = 'Process items; uses no setTimeout or require()';",
			'const options = { timeout: 5, process: false };',
			'export async function run(this: IExecuteFunctions) { await sleep(options.timeout); return [description, helper, NodeConnectionTypes.Main]; }',
		].join('\n');
		expect(violations(fake, text)).toEqual([]);
	});
});
