/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code (end-to-end tests): Node APIs are its job, and it never ships in dist/ */
/**
 * Shared by the end-to-end tests: the real n8n runtime (installed on first use, minutes), a
 * fresh n8n user folder, and checks that no secret leaked into a text.
 *
 * The tests install the runtime themselves (scripts/n8n/runtime.js), so a fresh CI machine runs
 * them cold. They are skipped only when the runtime is missing AND CLAW_E2E=0 says not to install it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as lib from '../../scripts/n8n/lib';
import { ensureRuntime, installedRuntime, runtimeDir } from '../../scripts/n8n/runtime';
import type { N8nRuntime } from '../../scripts/n8n/runtime';
import type { SandboxInfo } from '../../sandbox';

export { lib };

/** A cold runtime install takes minutes: the beforeAll that may do it gets this much time. */
export const INSTALL_TIMEOUT_MS = 25 * 60_000;

const skip = process.env.CLAW_E2E === '0' && !installedRuntime();

/**
 * `describe` for suites that need real n8n; with CLAW_E2E=0 and no runtime installed, a skipped
 * suite whose single test names the reason.
 */
export function describeWithN8n(name: string, body: () => void): void {
	if (skip) {
		const reason = `skipped: CLAW_E2E=0 and no n8n runtime in ${runtimeDir()} (install it with \`node scripts/n8n/runtime.js\`, or unset CLAW_E2E to let the tests install it)`;
		process.stderr.write(`\n${name}: ${reason}\n`);
		describe(name, () => {
			test.skip(reason, () => undefined);
		});
		return;
	}
	describe(name, body);
}

/** The runtime, installed now if needed (jest's beforeAll: give it INSTALL_TIMEOUT_MS). */
export function runtime(): N8nRuntime {
	return ensureRuntime();
}

export function tempUserFolder(label: string): { path: string; remove(): void } {
	const path = mkdtempSync(join(tmpdir(), `claw-social-${label}-`));
	return {
		path,
		remove: () => {
			if (process.env.CLAW_E2E_KEEP !== '1') rmSync(path, { recursive: true, force: true });
		},
	};
}

/** Every seeded key and token of the sandbox, labelled (the label is what a failure prints). */
export function sandboxSecrets(info: SandboxInfo): Array<{ label: string; value: string }> {
	const out: Array<{ label: string; value: string }> = [];
	for (const [network, net] of Object.entries(info.networks)) {
		for (const field of ['credentials', 'extensionTokens']) {
			const values = (net as Record<string, unknown>)[field] as Record<string, string> | undefined;
			for (const [who, value] of Object.entries(values ?? {})) if (typeof value === 'string' && value.length >= 8) out.push({ label: `${network} ${field} of ${who}`, value });
		}
	}
	lib.redactSecrets(out.map((s) => s.value)); // and never in an error message of scripts/n8n/lib
	return out;
}

/** Labels of the secrets found in `text` (never the secrets themselves, so a failure prints none). */
export function leakedSecrets(text: string, secrets: Array<{ label: string; value: string }>): string[] {
	return secrets.filter((s) => text.includes(s.value)).map((s) => s.label);
}

/** Polls `check` until it returns something truthy or the deadline passes (then returns undefined). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 1000): Promise<T | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) return undefined;
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

/** Code points, as the networks and the nodes count characters. */
export const chars = (text: string): number => Array.from(text).length;
