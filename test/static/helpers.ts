/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
/*
 * Shared helpers for the static checks in test/static/. These files are test code, not node code:
 * `n8n-node lint` lints every *.ts file of the repository (test/ included) with the community-node
 * rules, and the root eslint.config.mjs may not change in strict mode, so the directive above
 * keeps the Node APIs these helpers need from showing up as lint errors.
 */
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';

/** Repository root, with symlinks resolved so paths printed by child tools compare equal. */
export const ROOT = realpathSync(join(__dirname, '..', '..'));

export interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: unknown;
	bundledDependencies?: unknown;
	peerDependencies?: Record<string, string>;
	files?: string[];
	n8n?: { n8nNodesApiVersion?: number; strict?: boolean; credentials?: string[]; nodes?: string[] };
}

export function readPackageJson(dir = ROOT): PackageJson {
	return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

export interface RunResult {
	status: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** stdout + stderr without ANSI colour codes. */
	output: string;
}

/**
 * The environment for child tools: jest's own variables removed. jest sets NODE_ENV=test, and
 * eslint-plugin-n8n-nodes-base switches to its self-test mode under NODE_ENV=test (filename and
 * package.json rules then report nonsense such as "Rename file to ClawNet.node.ts").
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
	delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;
	return env;
}

export function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): RunResult {
	const result = spawnSync(command, args, {
		cwd: options.cwd,
		env: options.env ?? childEnv(),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		timeout: options.timeoutMs ?? 120_000,
	});
	if (result.error) throw result.error;
	const stdout = result.stdout ?? '';
	const stderr = result.stderr ?? '';
	return {
		status: result.status,
		signal: result.signal,
		stdout,
		stderr,
		output: stripAnsi(stdout + stderr),
	};
}

/** Like run(), but throws with the whole output when the command does not exit with 0. */
export function runOk(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): RunResult {
	const result = run(command, args, options);
	if (result.status !== 0) {
		throw new Error(
			`\`${command} ${args.join(' ')}\` in ${options.cwd} exited with ${result.status ?? result.signal}:\n${result.output}`,
		);
	}
	return result;
}

export function stripAnsi(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

export function makeTempDir(label: string): string {
	return realpathSync(mkdtempSync(join(tmpdir(), `claw-social-static-${label}-`)));
}

export function removeDir(dir: string | undefined): void {
	if (dir) rmSync(dir, { recursive: true, force: true });
}

export function isInside(parent: string, child: string): boolean {
	const rel = relative(parent, child);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/* ------------------------------------------------------------------------------------------ */
/* n8n-node lint                                                                              */
/* ------------------------------------------------------------------------------------------ */

export interface LintMessage {
	/** Absolute path as ESLint printed it. */
	file: string;
	line: number;
	column: number;
	severity: 'error' | 'warning';
	/** Message text followed by the rule id, as ESLint's stylish formatter printed it. */
	text: string;
}

export interface LintRun {
	result: RunResult;
	messages: LintMessage[];
	summary?: { problems: number; errors: number; warnings: number };
}

/**
 * Parses ESLint's default "stylish" output, which is what `n8n-node lint` prints:
 *
 *     /abs/path/file.ts
 *       27:13  error  '_' is assigned a value but never used  @typescript-eslint/no-unused-vars
 *
 *     ✖ 34 problems (33 errors, 1 warning)
 */
export function parseStylish(output: string): Pick<LintRun, 'messages' | 'summary'> {
	const messages: LintMessage[] = [];
	let summary: LintRun['summary'];
	let file: string | undefined;
	for (const rawLine of stripAnsi(output).split(/\r?\n/)) {
		const line = rawLine.replace(/\s+$/, '');
		const header = /^(\/\S.*|[A-Za-z]:\\.*)$/.exec(line);
		if (header) {
			file = header[1];
			continue;
		}
		const message = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+)$/.exec(line);
		if (message && file) {
			messages.push({
				file,
				line: Number(message[1]),
				column: Number(message[2]),
				severity: message[3] as 'error' | 'warning',
				text: message[4].replace(/\s{2,}/g, '  '),
			});
			continue;
		}
		const total = /✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(line);
		if (total) {
			summary = { problems: Number(total[1]), errors: Number(total[2]), warnings: Number(total[3]) };
		}
		if (line === '') file = undefined;
	}
	return { messages, summary };
}

/**
 * Runs `n8n-node lint` exactly as `npm run lint` does (the CLI checks strict mode, then runs
 * `npm exec -- eslint .` with the package's eslint.config.mjs) and parses what it printed.
 * Throws unless the run is self-consistent: exit 0, or exit 1 with an ESLint summary whose error
 * count equals the number of error lines parsed. Anything else (strict-mode violation, ESLint
 * crash, config error) is not a lint result and must not pass silently.
 */
export function runN8nNodeLint(cwd: string): LintRun {
	const bin = join(ROOT, 'node_modules', '.bin', 'n8n-node');
	const result = run(bin, ['lint'], {
		cwd,
		// The CLI picks the package manager from the user agent; make it npm as in `npm run lint`.
		env: childEnv({ npm_config_user_agent: 'npm' }),
		timeoutMs: 180_000,
	});
	const { messages, summary } = parseStylish(result.output);
	const parsedErrors = messages.filter((m) => m.severity === 'error').length;
	const fail = (why: string) => {
		throw new Error(`n8n-node lint in ${cwd}: ${why} (exit ${result.status ?? result.signal}). Output:\n${result.output}`);
	};
	if (result.output.includes('Strict mode violation')) fail('strict mode violation, ESLint did not run');
	if (result.status === 0) {
		if (parsedErrors !== 0 || (summary && summary.errors !== 0)) fail('exit 0 but errors were printed');
	} else if (result.status === 1) {
		if (!summary) fail('non-zero exit without an ESLint problem summary');
		else if (summary.errors !== parsedErrors || summary.problems !== messages.length) {
			fail(`parsed ${messages.length} problems / ${parsedErrors} errors, ESLint reported ${summary.problems} / ${summary.errors}`);
		}
	} else {
		fail('unexpected exit status');
	}
	return { result, messages, summary };
}

export function formatLintMessage(root: string, m: LintMessage): string {
	return `${relative(root, m.file)}:${m.line}:${m.column}  ${m.severity}  ${m.text}`;
}

/** Lint errors in files under the given top-level folders of `root` (e.g. nodes/, credentials/). */
export function lintErrorsUnder(lint: LintRun, root: string, folders: string[]): string[] {
	return lint.messages
		.filter((m) => m.severity === 'error')
		.filter((m) => folders.some((folder) => isInside(join(root, folder), m.file)))
		.map((m) => formatLintMessage(root, m));
}

/* ------------------------------------------------------------------------------------------ */
/* Clean build + npm pack                                                                     */
/* ------------------------------------------------------------------------------------------ */

export interface PackedPackage {
	/** Temporary directory holding everything below; remove it with removeDir(). */
	tempDir: string;
	/** The clean copy of the working tree that was built and packed. */
	buildDir: string;
	tarball: string;
	/** Tarball entries without the leading `package/`. */
	entries: string[];
	/** An install layout: <installDir>/node_modules/<name> (the unpacked tarball) + n8n-workflow. */
	installDir: string;
	/** The unpacked tarball. */
	packageDir: string;
	packageJson: PackageJson;
}

/** Never copied into the clean build: install, build and VCS output (the .gitignore entries). */
const NOT_SOURCE = new Set(['node_modules', '.git', 'dist', '.build', 'coverage', 'test-artifacts', '.n8n-runtime']);

/**
 * Files of the working tree as a fresh clone would have them: tracked + untracked, not ignored
 * (read-only `git ls-files`). Without git, every file outside NOT_SOURCE.
 */
function listSourceFiles(): string[] {
	const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (!git.error && git.status === 0 && git.stdout) {
		return git.stdout.split('\0').filter(
			(file) =>
				file !== '' &&
				// A node_modules *symlink* is not matched by `node_modules/` in .gitignore.
				!file.split('/').some((part) => NOT_SOURCE.has(part)) &&
				existsSync(join(ROOT, file)) &&
				lstatSync(join(ROOT, file)).isFile(),
		);
	}
	const files: string[] = [];
	const walk = (rel: string) => {
		for (const entry of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
			const child = rel ? `${rel}/${entry.name}` : entry.name;
			if (NOT_SOURCE.has(entry.name) || entry.name.endsWith('.tgz')) continue;
			if (entry.isDirectory()) walk(child);
			else if (entry.isFile()) files.push(child);
		}
	};
	walk('');
	return files;
}

/**
 * Copies the working tree (no node_modules, no dist/, nothing git-ignored) into a temporary
 * directory, links node_modules, runs `npm run build` and `npm pack` there, and unpacks the
 * tarball into an install layout. Building a clean copy instead of reusing ./dist means stale
 * files in ./dist (from renamed or deleted sources) cannot hide or fake problems, and the
 * other engineers' ./dist is never touched while their tests may be reading it.
 */
export function buildAndPack(): PackedPackage {
	const tempDir = makeTempDir('pack');
	let built = false;
	try {
		const packed = buildAndPackIn(tempDir);
		built = true;
		return packed;
	} finally {
		if (!built) removeDir(tempDir);
	}
}

function buildAndPackIn(tempDir: string): PackedPackage {
	const buildDir = join(tempDir, 'src');
	for (const file of listSourceFiles()) {
		const target = join(buildDir, file);
		mkdirSync(dirname(target), { recursive: true });
		copyFileSync(join(ROOT, file), target);
	}
	symlinkSync(join(ROOT, 'node_modules'), join(buildDir, 'node_modules'), 'junction');

	runOk('npm', ['run', 'build'], { cwd: buildDir, timeoutMs: 300_000 });

	const packDir = join(tempDir, 'pack');
	mkdirSync(packDir);
	const pack = runOk('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: buildDir });
	const packInfo = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string }>;
	const tarball = join(packDir, packInfo[0].filename);
	if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}:\n${pack.output}`);

	const entries = runOk('tar', ['-tzf', tarball], { cwd: tempDir })
		.stdout.split(/\r?\n/)
		.filter((entry) => entry !== '' && !entry.endsWith('/'))
		.map((entry) => entry.replace(/^package\//, ''));

	const packageJson = readPackageJson(buildDir);
	const installDir = join(tempDir, 'install');
	const packageDir = join(installDir, 'node_modules', packageJson.name);
	mkdirSync(packageDir, { recursive: true });
	runOk('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { cwd: tempDir });
	// n8n provides n8n-workflow to community nodes; nothing else is resolvable from the package.
	symlinkSync(join(ROOT, 'node_modules', 'n8n-workflow'), join(installDir, 'node_modules', 'n8n-workflow'), 'junction');

	return { tempDir, buildDir, tarball, entries, installDir, packageDir, packageJson };
}

/* ------------------------------------------------------------------------------------------ */
/* Child Node processes                                                                       */
/* ------------------------------------------------------------------------------------------ */

const RESULT_MARKER = '@@STATIC-CHECK-RESULT@@';

/**
 * Runs one of the plain-JS scripts next to this file in a fresh Node process (jest runs test
 * files as CommonJS in a VM, where the ESM scanner cannot be imported) and returns the JSON the
 * script printed after RESULT_MARKER.
 */
export function runNodeScript<T>(script: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): T {
	const result = run(process.execPath, [join(__dirname, script), ...args], {
		cwd: options.cwd,
		env: options.env ?? childEnv(),
		timeoutMs: 180_000,
	});
	const at = result.stdout.lastIndexOf(RESULT_MARKER);
	if (result.status !== 0 || at === -1) {
		throw new Error(`node ${script} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.output}`);
	}
	return JSON.parse(result.stdout.slice(at + RESULT_MARKER.length)) as T;
}

/** Environment for a child Node process that must not find anything outside its own folders. */
export function isolatedEnv(): NodeJS.ProcessEnv {
	const env = childEnv();
	delete env.NODE_PATH;
	delete env.NODE_OPTIONS;
	return env;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
	for (const [file, content] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), content);
	}
}
