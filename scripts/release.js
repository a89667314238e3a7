#!/usr/bin/env node
/**
 * `npm run release` — two halves of one release (README, "Making a release"):
 *
 * On your machine: `npm run release -- 0.2.0 [--push] [--dry-run]`
 *   1. checks: a clean work tree on `main`, a version above the current one, CHANGELOG.md with
 *      notes under "## [Unreleased]";
 *   2. `npm run lint` and `npm run build` (the full tests run in CI on the tag, before publishing);
 *   3. moves the Unreleased notes under "## [0.2.0] - <date>", sets the version in package.json
 *      and package-lock.json, commits "Release 0.2.0" and tags `0.2.0`;
 *   4. with --push, pushes the commit and the tag (else prints the command). The tag starts
 *      .github/workflows/publish.yml. Nothing is published from your machine.
 *
 * In GitHub Actions (GITHUB_ACTIONS=true, run by publish.yml on the tag):
 *   checks that the tag is package.json's version and CHANGELOG.md has its section, builds, and
 *   runs `npm publish --provenance --access public` — npm trusted publishing (OIDC, the job's
 *   `id-token: write`), no token stored anywhere.
 */
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CHANGELOG = path.join(ROOT, 'CHANGELOG.md');
const say = (line) => process.stdout.write(`[release] ${line}\n`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The exact command publish.yml's release step runs (test/static/workflows.test.ts checks it). */
const PUBLISH_ARGS = ['publish', '--provenance', '--access', 'public'];

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

function fail(message) {
	process.stderr.write(`[release] ${message}\n`);
	process.exit(1);
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
	if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.error?.message})`);
}

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** Compares two x.y.z versions (pre-releases sort before their release). */
function compare(a, b) {
	const [pa, pb] = [SEMVER.exec(a), SEMVER.exec(b)];
	for (let i = 1; i <= 3; i++) if (Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
	if (pa[4] === pb[4]) return 0;
	if (!pa[4]) return 1;
	if (!pb[4]) return -1;
	return pa[4] < pb[4] ? -1 : 1;
}

/** The notes of one section ("Unreleased" or a version) of CHANGELOG.md, or undefined. */
function section(text, name) {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`^## \\[${escaped}\\][^\\n]*\\n([\\s\\S]*?)(?=^## \\[|(?![\\s\\S]))`, 'm').exec(text);
	return match ? match[1].trim() : undefined;
}

/** Moves the Unreleased notes under a new version heading, leaving an empty Unreleased section. */
function releaseChangelog(text, version, date) {
	const notes = section(text, 'Unreleased');
	if (!notes) throw new Error('CHANGELOG.md has no notes under "## [Unreleased]": write what changed first');
	let out = text.replace(/^## \[Unreleased\][^\n]*\n[\s\S]*?(?=^## \[|(?![\s\S]))/m, `## [Unreleased]\n\n## [${version}] - ${date}\n\n${notes}\n\n`);
	// The compare links at the end: Unreleased now starts at this version.
	const link = /^\[Unreleased\]: (\S+)\/compare\/(\S+)\.\.\.HEAD$/m.exec(out);
	if (link) out = out.replace(link[0], `[Unreleased]: ${link[1]}/compare/${version}...HEAD\n[${version}]: ${link[1]}/compare/${link[2]}...${version}`);
	return out;
}

function inCi() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const tag = process.env.GITHUB_REF_TYPE === 'tag' ? process.env.GITHUB_REF_NAME : undefined;
	if (!tag) fail('in GitHub Actions, a release runs only on a version tag (publish.yml)');
	if (tag !== pkg.version) fail(`the tag ${tag} is not package.json's version ${pkg.version}`);
	if (!section(fs.readFileSync(CHANGELOG, 'utf8'), pkg.version)) fail(`CHANGELOG.md has no "## [${pkg.version}]" section`);
	say(`publishing ${pkg.name}@${pkg.version} with provenance (trusted publishing) …`);
	run(npm, ['run', 'build']);
	run(npm, PUBLISH_ARGS);
}

function local(args) {
	const version = args.find((a) => !a.startsWith('--'));
	const dryRun = args.includes('--dry-run');
	const push = args.includes('--push');
	if (!version || !SEMVER.test(version)) fail('usage: npm run release -- <version, e.g. 0.2.0> [--push] [--dry-run]');
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	if (compare(version, pkg.version) <= 0) fail(`${version} is not above the current version ${pkg.version}`);
	const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
	if (branch !== 'main' && !dryRun) fail(`releases are made from main (you are on ${branch})`);
	if (git('status', '--porcelain') && !dryRun) fail('the work tree has uncommitted changes');
	if (git('tag', '--list', version)) fail(`the tag ${version} exists already`);
	const date = new Date().toISOString().slice(0, 10);
	const changelog = releaseChangelog(fs.readFileSync(CHANGELOG, 'utf8'), version, date);
	if (dryRun) {
		say(`dry run: would lint, build, release ${pkg.version} → ${version} (${date}) and tag ${version}. Notes:\n${section(changelog, version)}`);
		return;
	}
	run(npm, ['run', 'lint']);
	run(npm, ['run', 'build']);
	fs.writeFileSync(CHANGELOG, changelog);
	run(npm, ['version', version, '--no-git-tag-version', '--ignore-scripts']);
	run('git', ['add', 'CHANGELOG.md', 'package.json', 'package-lock.json']);
	run('git', ['commit', '-m', `Release ${version}`]);
	run('git', ['tag', '-a', version, '-m', `Release ${version}`]);
	if (push) {
		run('git', ['push', 'origin', 'main', version]);
		say(`pushed: .github/workflows/publish.yml now tests and publishes ${version}`);
	} else {
		say(`tagged ${version}. Push to publish: git push origin main ${version}`);
	}
}

module.exports = { PUBLISH_ARGS, section, releaseChangelog, compare };

if (require.main === module) {
	if (process.env.GITHUB_ACTIONS === 'true') inCi();
	else local(process.argv.slice(2));
}
