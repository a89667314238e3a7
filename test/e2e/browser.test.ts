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

/** A literal text as a whole-string pattern (actions carry parentheses). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Internal option values that must never reach what a user reads on the canvas. */
const RAW_VALUES = /\b(directMessage|getAndClear|newEmail|taskUpdate|followingFeed|userPosts|getMany|checkInbox)\b|: (message|notification|post)\b/;

/**
 * What the test adds, in order, through the node panel: [search, the node's entry, the action or
 * trigger event to pick, the node type that lands on the canvas]. The first is a trigger: an empty
 * canvas offers triggers first.
 */
const STEPS: Array<[string, string, string, string]> = [
	['ClawNet', 'ClawNet', 'On new direct message', 'clawNetTrigger'],
	['ClawNet', 'ClawNet', 'Send a DM (max 10,000 chars; agent ID like Tom)', 'clawNet'],
	['Clawtter', 'Clawtter', 'On new notification', 'clawtterTrigger'],
	['Clawtter', 'Clawtter', 'Create a post (max 1,000 chars; post UUID)', 'clawtter'],
	['Claw Post', 'Claw Post', 'Publish a post (X 280 chars, LinkedIn 3,000)', 'clawPost'],
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
				const found = page.getByTestId('node-creator-item-name').filter({ hasText: exactly(entry) }).first();
				await found.waitFor({ timeout: 10_000 }).catch(async () => {
					await page.screenshot({ path: join(ARTIFACTS, `editor-search-${search.replace(/\W+/g, '-')}.png`) });
					throw new Error(`"${search}" finds no "${entry}" in the node panel (screenshot in test-artifacts/)`);
				});
				await found.click();
				// The node's own panel lists its actions, and its trigger events in a section that may be collapsed.
				const pick = page.getByTestId('node-creator-item-name').filter({ hasText: exactly(item) }).first();
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

	test('every example workflow opens with all its nodes, ours with their icons (the AI Agent one too, with its credential for the scripted model)', async () => {
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
	test('what a user reads: subtitles with display names, the node panel text, list placeholders, an error toast that keeps <type> placeholders', async () => {
		const N = lib.PACKAGE_NAME;
		const credential = { clawNetApi: { id: 'clawNetSandbox01', name: 'ClawNet sandbox (n8n_agent)' } };
		const workflow = {
			name: 'Editor texts',
			active: false,
			settings: {},
			connections: { 'Run': { main: [[{ node: 'ClawNet', type: 'main', index: 0 }]] } },
			nodes: [
				{ id: 'a1', name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 300], parameters: {} },
				{ id: 'a2', name: 'ClawNet', type: `${N}.clawNet`, typeVersion: 1, position: [250, 300], parameters: { resource: 'profile', operation: 'get' }, credentials: credential },
				{ id: 'a3', name: 'DM', type: `${N}.clawNet`, typeVersion: 1, position: [500, 300], parameters: { resource: 'message', operation: 'send' }, credentials: credential },
				{ id: 'a4', name: 'On DM', type: `${N}.clawNetTrigger`, typeVersion: 1, position: [0, 0], parameters: { event: 'directMessage' }, credentials: credential },
				{ id: 'a5', name: 'Notifications', type: `${N}.clawtter`, typeVersion: 1, position: [250, 0], parameters: { resource: 'notification', operation: 'getAndClear' } },
				{ id: 'a6', name: 'On Clawtter', type: `${N}.clawtterTrigger`, typeVersion: 1, position: [500, 0], parameters: { event: 'notification' } },
				{ id: 'a7', name: 'Publish', type: `${N}.clawPost`, typeVersion: 1, position: [750, 0], parameters: { resource: 'post', operation: 'create' } },
			],
		};
		const created = await context.request.post(`${n8n!.url}/rest/workflows`, { data: workflow });
		expect(created.status()).toBe(200);
		const id = ((await created.json()) as { data: { id: string } }).data.id;
		// The API's own message with angle-bracket placeholders (as a real network may word it).
		await sb.control('POST', 'faults', {
			network: 'clawnet',
			method: 'GET',
			path: '/me',
			kind: 'status',
			status: 400,
			body: { ok: false, error: 'invalid_request', message: 'Avatar must be image/<type>;base64,<data>' },
		});

		const page = await context.newPage();
		try {
			await page.goto(`${n8n!.url}/workflow/${id}`);
			await page.locator('[data-test-id="canvas-node"]').nth(workflow.nodes.length - 1).waitFor({ timeout: 30_000 });
			await page.getByTestId('zoom-to-fit').click();
			await page.waitForTimeout(800);
			await page.screenshot({ path: join(ARTIFACTS, 'editor-texts-canvas.png') });
			const labels = Object.fromEntries(
				await page.locator(`[data-test-id="canvas-node"][data-node-type^="${N}."]`).evaluateAll((nodes) =>
					nodes.map((node) => [node.getAttribute('data-node-name') ?? '', (node as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()]),
				),
			) as Record<string, string>;
			expect(labels['DM']).toContain('Send: Message');
			expect(labels['ClawNet']).toContain('Get: Profile');
			expect(labels['On DM']).toContain('New Direct Message');
			expect(labels['Notifications']).toContain('Get and Clear: Notification');
			expect(labels['On Clawtter']).toContain('New Notification');
			expect(labels['Publish']).toContain('Create: Post');
			for (const [name, text] of Object.entries(labels)) expect({ name, raw: RAW_VALUES.test(text) ? text : '' }).toEqual({ name, raw: '' });

			// The "To" field's list placeholder, in the node's own panel.
			await page.locator('[data-test-id="canvas-node"][data-node-name="DM"]').dblclick();
			const toField = page.getByTestId('parameter-input-to').or(page.locator('[data-test-id="resource-locator-to"], [data-test-id="rlc-input-container"]')).first();
			await toField.waitFor({ timeout: 10_000 }).catch(() => undefined);
			const panel = await page.getByTestId('ndv').innerText().catch(async () => await page.locator('body').innerText());
			const placeholders = await page.locator('[data-test-id="ndv"] input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { placeholder: string }).placeholder));
			await page.screenshot({ path: join(ARTIFACTS, 'editor-texts-ndv.png') });
			expect(placeholders).toContain('Select an agent...');
			expect(placeholders.join('|')).not.toMatch(/Select a to\b/);
			expect(panel).not.toMatch(RAW_VALUES);
			await page.keyboard.press('Escape');
			await page.waitForTimeout(300);

			// The node panel's entry for ClawNet (action node and trigger merged) reads as the action node's text.
			await page.getByTestId('node-creator-plus-button').click();
			await page.getByTestId('node-creator-search-bar').fill('ClawNet');
			await page.getByTestId('node-creator-item-name').filter({ hasText: exactly('ClawNet') }).first().waitFor({ timeout: 10_000 });
			await page.waitForTimeout(500);
			await page.screenshot({ path: join(ARTIFACTS, 'editor-texts-panel.png') });
			const creator = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
			expect(creator).toContain('Agent-to-agent tasks, email, direct messages, posts and follows on ClawNet');
			await page.keyboard.press('Escape');
			await page.waitForTimeout(300);

			// Run Run → ClawNet alone: the API's error reaches the toast with its placeholders readable, and the next step.
			const failing = { ...workflow, name: 'Error toast', nodes: workflow.nodes.slice(0, 2) };
			const made = await context.request.post(`${n8n!.url}/rest/workflows`, { data: failing });
			expect(made.status()).toBe(200);
			await page.goto(`${n8n!.url}/workflow/${((await made.json()) as { data: { id: string } }).data.id}`);
			await page.locator('[data-test-id="canvas-node"]').nth(1).waitFor({ timeout: 30_000 });
			await page.getByTestId('execute-workflow-button').click();
			const toast = page.locator('.el-notification').filter({ hasText: /Problem in node|ClawNet/ }).first();
			await toast.waitFor({ timeout: 30_000 });
			await page.screenshot({ path: join(ARTIFACTS, 'editor-texts-toast.png') });
			const text = (await toast.innerText()).replace(/\s+/g, ' ');
			expect(text).toContain('image/‹type›;base64,‹data›');
			expect(text).toContain('Fix the input');
		} finally {
			await sb.control('DELETE', 'faults').catch(() => undefined);
			await page.close();
		}
	}, 180_000);
});
