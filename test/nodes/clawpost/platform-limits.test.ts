/**
 * Claw Post → Post → Create and each platform's own text limit: refused before sending (README,
 * "Using the nodes as AI Agent tools" → "Text over a platform's limit"), so no platform's job goes
 * out when one platform would fail minutes later in the paired browser.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PLATFORM_TEXT_LIMITS, xLength } from '../../../nodes/ClawPost/shared/platformLimits';
import { runNode } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

const t = useSandbox();
const creds = () => ({ clawPostApi: { apiKey: seededKey(t.current, 'clawpost', 'paired'), baseUrl: t.current.info.networks.clawpost.baseUrl } });
const post = (parameters: INodeParameters) => runNode({ type: 'clawPost', parameters: { resource: 'post', operation: 'create', ...parameters }, credentials: creds() });
const jobRequests = async () => t.current.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });

test('X counts as X does: a link 23, CJK and emoji 2', () => {
	expect(xLength('a'.repeat(280))).toBe(280);
	expect(xLength('see https://example.com/a/very/long/path?with=query')).toBe(4 + 23);
	expect(xLength('日本語')).toBe(6);
	expect(xLength('🦞')).toBe(2);
});

test('281 characters for X and LinkedIn: refused before sending, naming X, the limit and the length; no job for LinkedIn either', async () => {
	const { error } = await post({ platforms: ['linkedin', 'x'], text: 'x'.repeat(281) });
	expect(error?.message).toMatch(/^Text \(text\) is too long for X: 281 characters as X counts them .*; the limit is 280\. .*X Long Posts.*nothing was sent/);
	expect(await jobRequests()).toEqual([]);
});

test('exactly at each limit passes; one over is refused', async () => {
	for (const [platform, { limit, label }] of Object.entries(PLATFORM_TEXT_LIMITS)) {
		if (platform === 'instagram' || platform === 'tiktok') continue; // they need media: other tests cover them
		const ok = await post({ platforms: [platform], text: 'y'.repeat(limit) });
		expect(ok.error).toBeUndefined();
		const over = await post({ platforms: [platform], text: 'y'.repeat(limit + 1) });
		// Facebook's limit is also the field's own (the input layer says it, without the platform).
		expect(over.error?.message).toMatch(platform === 'facebook' ? /too long: 63207 characters; the limit is 63206/ : new RegExp(`too long for ${label}: ${limit + 1} characters`));
	}
});

test('X Long Posts (X Premium) raises the X limit to 25,000', async () => {
	const { error, items } = await post({ platforms: ['x'], text: 'z'.repeat(1000), options: { xLongPosts: true } });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect((await jobRequests()).map((r) => r.body)).toEqual([expect.not.objectContaining({ xLongPosts: expect.anything() })]);
});
