/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The published artefact: a clean `npm run build` + `npm pack` of the working tree (see
 * buildAndPack in helpers.ts), checked the way n8n's verification and n8n's loader see it.
 *
 * - n8n's verification scanner (@n8n/scan-community-package) on the source tree and on the
 *   unpacked tarball, with the file patterns its real gate uses;
 * - the tarball holds package.json, README/LICENSE and compiled dist/nodes, dist/credentials only;
 * - every node and credential listed in package.json loads with plain `require` where only the
 *   package and n8n-workflow are resolvable (n8n-core is a devDependency here, so a node importing
 *   it passes lint and typecheck but fails in n8n), exporting the class n8n-core's loader expects;
 * - each node has light and dark icons and a codex file n8n can find, and action nodes are usable
 *   as AI tools.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

import {
	ROOT,
	buildAndPack,
	isInside,
	isolatedEnv,
	readPackageJson,
	removeDir,
	runNodeScript,
	type PackedPackage,
} from './helpers';

interface ScanResult {
	patterns: string[];
	packageRoot?: string | null;
	passed: boolean;
	message?: string;
	details?: string;
	error?: string;
}

type Icon = string | { light: string; dark: string } | undefined;

interface Description {
	name: string;
	displayName: string;
	icon: Icon;
	usableAsTool?: boolean;
	hasProperties: boolean;
}

interface LoadedEntry {
	listed: string;
	className: string;
	exports?: string[];
	error?: string;
}

interface LoadResult {
	packageDir: string;
	resolvable: Record<string, string | null>;
	bareRequests: Array<{ request: string; from: string }>;
	nodes: Array<LoadedEntry & { description?: Description; versionDescriptions?: Description[] }>;
	credentials: Array<
		LoadedEntry & {
			credential?: { name: string; displayName: string; icon: Icon; propertiesIsArray: boolean; propertyCount: number };
		}
	>;
}

const SCANNER = join(ROOT, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
const pkg = readPackageJson();

function scan(directory: string, mode: 'source' | 'tarball'): ScanResult {
	return runNodeScript<ScanResult>('scan.mjs', [SCANNER, directory, mode, pkg.name], { cwd: directory });
}

/** What a failed scan printed, so the jest failure shows the violations verbatim. */
function scanReport(result: ScanResult): string {
	return result.passed ? 'passed' : `${result.message ?? 'failed'}\n${result.details ?? ''}${result.error ?? ''}`;
}

describe('n8n verification scanner on the source tree', () => {
	let result: ScanResult;
	beforeAll(() => {
		result = scan(ROOT, 'source');
	}, 120_000);

	test('reports no violations', () => {
		expect(scanReport(result)).toBe('passed');
		expect(result.message).toBeUndefined(); // not "No files found to analyze"
	});

	test('picks this folder as the package root of the source checkout', () => {
		expect(result.packageRoot).toBe(ROOT);
	});
});

describe('packed package', () => {
	let packed: PackedPackage;
	let loaded: LoadResult;

	beforeAll(() => {
		packed = buildAndPack();
		loaded = runNodeScript<LoadResult>('load-package.cjs', [packed.packageDir], {
			cwd: packed.installDir,
			env: isolatedEnv(),
		});
	}, 300_000);

	afterAll(() => removeDir(packed?.tempDir));

	const listedNodes = () => packed.packageJson.n8n?.nodes ?? [];
	const listedCredentials = () => packed.packageJson.n8n?.credentials ?? [];

	test('n8n verification scanner reports no violations in the unpacked tarball', () => {
		const result = scan(packed.packageDir, 'tarball');
		expect(scanReport(result)).toBe('passed');
		expect(result.message).toBeUndefined();
	}, 120_000);

	test('the tarball holds only package.json, README/LICENSE files and compiled nodes/credentials in dist/', () => {
		const unexpected = packed.entries.filter(
			(entry) =>
				entry !== 'package.json' &&
				!/^(README|LICENSE|LICENCE)(\.[A-Za-z]+)?$/i.test(entry) &&
				!/^dist\/(nodes|credentials)\//.test(entry),
		);
		expect(unexpected).toEqual([]);
		expect(packed.entries.filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.d.ts'))).toEqual([]);
		expect(packed.entries.filter((entry) => /^dist\/(sandbox|test|scripts)\//.test(entry))).toEqual([]);
	});

	test('every file listed in package.json n8n.nodes and n8n.credentials is in the tarball', () => {
		expect(listedNodes().length).toBeGreaterThan(0);
		expect(packed.packageJson.n8n?.n8nNodesApiVersion).toBe(1);
		const listed = [...listedNodes(), ...listedCredentials()].map((file) => posix.normalize(file));
		expect(listed.filter((file) => !packed.entries.includes(file))).toEqual([]);
	});

	test('the load check is isolated: n8n-workflow resolves from the package, n8n-core does not', () => {
		expect(loaded.resolvable['n8n-workflow']).toEqual(expect.any(String));
		expect(loaded.resolvable['n8n-core']).toBeNull();
	});

	test('every listed node and credential loads with require and exports the class named after its file', () => {
		const failures = [...loaded.nodes, ...loaded.credentials]
			.filter((entry) => entry.error)
			.map((entry) => `${entry.listed} (class ${entry.className}): ${entry.error}`);
		expect(failures).toEqual([]);
		expect(loaded.nodes.map((n) => n.listed)).toEqual(listedNodes());
		expect(loaded.credentials.map((c) => c.listed)).toEqual(listedCredentials());
	});

	test('the package requires no module other than n8n-workflow', () => {
		expect(loaded.bareRequests.filter(({ request }) => request !== 'n8n-workflow')).toEqual([]);
	});

	test('nodes have a description, credentials a name and properties', () => {
		for (const node of loaded.nodes) {
			expect({ node: node.listed, name: typeof node.description?.name, properties: node.description?.hasProperties }).toEqual({
				node: node.listed,
				name: 'string',
				properties: true,
			});
		}
		for (const credential of loaded.credentials) {
			expect({
				credential: credential.listed,
				name: typeof credential.credential?.name,
				properties: credential.credential?.propertiesIsArray,
			}).toEqual({ credential: credential.listed, name: 'string', properties: true });
		}
	});

	/** Problems with an icon declared by the file at `listed`, resolved the way n8n-core does. */
	function iconProblems(listed: string, icon: Icon, requireThemed: boolean): string[] {
		if (icon === undefined) return requireThemed ? [`${listed}: no icon`] : [];
		if (typeof icon === 'string') {
			return requireThemed ? [`${listed}: icon is a single '${icon}', light and dark variants are required`] : [];
		}
		const problems: string[] = [];
		for (const [theme, value] of Object.entries({ light: icon.light, dark: icon.dark })) {
			if (typeof value !== 'string' || !value.startsWith('file:')) {
				problems.push(`${listed}: ${theme} icon is ${JSON.stringify(value)}, expected 'file:<path>'`);
				continue;
			}
			const file = join(packed.packageDir, dirname(listed), value.slice('file:'.length));
			if (!isInside(packed.packageDir, file)) problems.push(`${listed}: ${theme} icon ${value} is outside the package`);
			else if (!existsSync(file)) problems.push(`${listed}: ${theme} icon ${value} is missing from the package`);
		}
		return problems;
	}

	test('each node has light and dark icons that exist in the package', () => {
		const problems = loaded.nodes.flatMap((node) =>
			node.description
				? [node.description, ...(node.versionDescriptions ?? [])].flatMap((d) => iconProblems(node.listed, d.icon, true))
				: [`${node.listed}: did not load`],
		);
		expect(problems).toEqual([]);
	});

	test('credential icons, where declared, exist in the package', () => {
		const problems = loaded.credentials.flatMap((c) => iconProblems(c.listed, c.credential?.icon, false));
		expect(problems).toEqual([]);
	});

	test('each node has a codex file beside it whose "node" is <package name>.<description.name>', () => {
		const problems: string[] = [];
		for (const node of loaded.nodes) {
			if (!node.description) {
				problems.push(`${node.listed}: did not load`);
				continue;
			}
			// n8n-core reads the codex from `${filePath}on`: X.node.js -> X.node.json
			const codexPath = join(packed.packageDir, `${node.listed}on`);
			if (!existsSync(codexPath)) {
				problems.push(`${node.listed}: codex ${node.listed}on is missing from the package`);
				continue;
			}
			const codex = JSON.parse(readFileSync(codexPath, 'utf8')) as { node?: string };
			const expected = `${packed.packageJson.name}.${node.description?.name}`;
			if (codex.node !== expected) problems.push(`${node.listed}on: "node" is ${JSON.stringify(codex.node)}, expected "${expected}"`);
		}
		expect(problems).toEqual([]);
	});

	test('action nodes (name not ending in Trigger) are usableAsTool', () => {
		const problems = loaded.nodes.flatMap((node) => {
			if (!node.description) return [`${node.listed}: did not load`];
			if (/Trigger$/.test(node.description.name)) return [];
			return [node.description, ...(node.versionDescriptions ?? [])]
				.filter((d) => d.usableAsTool !== true)
				.map((d) => `${node.listed}: ${node.description?.name} has usableAsTool ${JSON.stringify(d.usableAsTool)}`);
		});
		expect(problems).toEqual([]);
	});
});
