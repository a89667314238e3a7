/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code (end-to-end tests): Node APIs are its job, and it never ships in dist/ */
/**
 * The n8n editor in headless Chromium (driven by playwright-core; the browser is the system's
 * Chromium, CHROMIUM_PATH or /usr/bin/chromium — never a downloaded one): each node of the package
 * is found in the node panel and added to a canvas, and appears there with its icon; every
 * example workflow opens with all its nodes and icons. Screenshots go to test-artifacts/ (not
 * committed); with CLAW_UPDATE_SCREENSHOT=1 the Crosspost one also replaces docs/editor.png.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, selectors } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startTestSandbox } from '../harness/sandbox';
import type { TestSandbox } from '../harness/sandbox';
import type { N8nProcess } from '../../scripts/n8n/lib';
import { INSTALL_TIMEOUT_MS, describeWithN8n, lib, runtime, sandboxSecrets, tempUserFolder } from './e2e';

const ARTIFACTS = join(lib.ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ICON_PREFIX = `/icons/${lib.PACKAGE_NAME}/`;

/**
 * What the test adds, in order, through the node panel: [search, the node's entry, the action or
 * trigger event to pick, the node type that lands on the canvas]. The first is a trigger: an empty
 * canvas offers triggers first.
 */
const STEPS: Array<[string, string, string, string]> = [
	['ClawNet', 'ClawNet', 'On new direct message', 'clawNetTrigger'],
	['ClawNet', 'ClawNet', 'Send a DM', 'clawNet'],
	['Clawtter', 'Clawtter', 'On new notification', 'clawtterTrigger'],
	['Clawtter', 'Clawtter', 'Create a post', 'clawtter'],
	['Claw Post', 'Claw Post', 'Publish a post', 'clawPost'],
];

describeWithN8n('the n8n editor in headless Chromium', () => {
	let sb: TestSandbox;
	let folder: ReturnType<typeof tempUserFolder>;
	let n8n: N8nProcess | undefined;
	let browser: Browser | undefined;
	let context: BrowserContext;

	beforeAll(async () => {
		if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
		const rt = runtime();
		sb = await startTestSandbox();
		sandboxSecrets(sb.info); // registers the keys to mask in error messages
		folder = tempUserFolder('browser');
		const env = lib.n8nEnv({ runtime: rt, userFolder: folder.path, port: await lib.freePort(), brokerPort: await lib.freePort() });
		await lib.prepareUserFolder({ runtime: rt, userFolder: folder.path, sandboxInfo: sb.info, env });
		n8n = await lib.startN8n(rt, { env, logFile: join(folder.path, 'n8n.log') });

		mkdirSync(ARTIFACTS, { recursive: true });
		selectors.setTestIdAttribute('data-test-id'); // n8n's editor marks its elements with data-test-id
		// A fresh temporary profile each launch; nothing that reaches out to the internet.
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
		// Sign in through the REST API; the context keeps the session cookie for the pages.
		const login = await context.request.post(`${n8n.url}/rest/login`, { data: { emailOrLdapLoginId: lib.OWNER.email, password: lib.OWNER.password } });
		expect(login.status()).toBe(200);
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await sb?.sandbox.stop();
		folder?.remove();
	}, 60_000);

	/** The canvas nodes of our package: type and whether its icon image is ours and loaded. */
	async function ourCanvasNodes(page: Page): Promise<Array<{ name: string; type: string; icon: string; loaded: boolean }>> {
		return await page.locator(`[data-test-id="canvas-node"][data-node-type^="${lib.PACKAGE_NAME}."]`).evaluateAll((nodes) =>
			nodes.map((node) => {
				const img = node.querySelector('img');
				return {
					name: node.getAttribute('data-node-name') ?? '',
					type: node.getAttribute('data-node-type') ?? '',
					icon: img?.getAttribute('src') ?? '',
					loaded: !!img && img.complete && img.naturalWidth > 0,
				};
			}),
		);
	}

	async function errorToasts(page: Page): Promise<string[]> {
		return (await page.locator('.el-notification').allTextContents()).filter((t) => /error|problem|could not|unknown|not installed/i.test(t));
	}

	test('each node of the package can be found in the node panel and added to a canvas, with its icon', async () => {
		const page = await context.newPage();
		try {
			await page.goto(`${n8n!.url}/workflow/new`);
			for (const [index, [search, entry, item]] of STEPS.entries()) {
				// An empty canvas has "Add first step"; after that the panel opens from the + button.
				await page.getByTestId(index === 0 ? 'canvas-add-button' : 'node-creator-plus-button').click();
				await page.getByTestId('node-creator-search-bar').fill(search);
				const found = page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${entry}$`) }).first();
				await found.waitFor({ timeout: 10_000 }).catch(async () => {
					await page.screenshot({ path: join(ARTIFACTS, `editor-search-${search.replace(/\W+/g, '-')}.png`) });
					throw new Error(`"${search}" finds no "${entry}" in the node panel (screenshot in test-artifacts/)`);
				});
				await found.click();
				// The node's own panel lists its actions, and its trigger events in a section that may be collapsed.
				const pick = page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${item}$`) }).first();
				if (!(await pick.isVisible())) await page.getByTestId('node-creator-category-item').filter({ hasText: /^Triggers/ }).click();
				await pick.click();
				// Adding a node opens its settings: close them to get back to the canvas.
				await page.waitForTimeout(500);
				await page.keyboard.press('Escape');
				await page.waitForTimeout(300);
			}
			await page.getByTestId('tidy-up-button').click().catch(() => undefined);
			await page.getByTestId('zoom-to-fit').click();
			await page.waitForTimeout(800);
			await page.screenshot({ path: join(ARTIFACTS, 'editor-nodes.png') });

			const nodes = await ourCanvasNodes(page);
			expect(nodes.map((n) => n.type.replace(`${lib.PACKAGE_NAME}.`, '')).sort()).toEqual(STEPS.map((s) => s[3]).sort());
			for (const node of nodes) {
				expect(node.icon.startsWith(ICON_PREFIX)).toBe(true);
				expect(node.icon).toMatch(/\.svg$/);
				expect({ node: node.name, loaded: node.loaded }).toEqual({ node: node.name, loaded: true });
			}
			expect(await errorToasts(page)).toEqual([]);
		} finally {
			await page.close();
		}
	}, 180_000);

	test('every example workflow opens with all its nodes, ours with their icons (the AI Agent one too, without an LLM credential)', async () => {
		const page = await context.newPage();
		try {
			for (const { file, workflow } of lib.exampleWorkflows()) {
				await page.goto(`${n8n!.url}/workflow/${workflow.id}`);
				const expected = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
				await page.locator('[data-test-id="canvas-node"]').nth(expected.length - 1).waitFor({ timeout: 30_000 });
				await page.getByTestId('zoom-to-fit').click();
				await page.waitForTimeout(800);
				const shot = join(ARTIFACTS, `editor-${file.replace(/\.json$/, '')}.png`);
				await page.screenshot({ path: shot });

				const names = await page.locator('[data-test-id="canvas-node"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node-name')));
				expect(names.sort()).toEqual(expected.map((n) => n.name).sort());
				const ours = await ourCanvasNodes(page);
				expect(ours.length).toBe(expected.filter((n) => n.type.startsWith(`${lib.PACKAGE_NAME}.`)).length);
				for (const node of ours) expect({ node: node.name, icon: node.icon.startsWith(ICON_PREFIX), loaded: node.loaded }).toEqual({ node: node.name, icon: true, loaded: true });
				expect(await errorToasts(page)).toEqual([]);

				if (file === 'crosspost.json' && process.env.CLAW_UPDATE_SCREENSHOT === '1') {
					const docs = join(lib.ROOT, 'docs', 'editor.png');
					mkdirSync(join(lib.ROOT, 'docs'), { recursive: true });
					copyFileSync(shot, docs);
					expect(statSync(docs).size).toBeLessThan(300 * 1024);
				}
			}
		} finally {
			await page.close();
		}
	}, 180_000);
});
