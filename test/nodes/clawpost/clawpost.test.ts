/**
 * The Claw Post node through real n8n-core against the sandbox's job service and simulated
 * browser extension: jobs per platform, uploads of real binary items, waiting, failures with
 * remedies, idempotent retries, and the checks made before anything is sent.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { seededKey, useSandbox } from '../../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const creds = (who = 'paired') => ({ clawPostApi: { apiKey: seededKey(t.current, 'clawpost', who), baseUrl: base() } });

function post(parameters: INodeParameters, input?: INodeExecutionData[], who = 'paired') {
	return runNode({ type: 'clawPost', parameters: { resource: 'post', operation: 'create', ...parameters }, credentials: creds(who), input });
}

/** Fast extension: picks up at once and finishes 100 ms later. */
async function fastExtension(extra: IDataObject = {}) {
	await t.current.control('POST', 'clawpost/extension', { pickupMs: 0, delayMs: 100, ...extra });
}

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);
function binaryItem(buffer: Buffer, mimeType: string, fileName: string, property = 'data'): INodeExecutionData {
	return { json: {}, binary: { [property]: { data: buffer.toString('base64'), mimeType, fileName } } };
}

const jobRequests = async () => t.current.requests({ network: 'clawpost', method: 'POST', path: '/v1/jobs/tweet' });

test('one platform: one job, the documented request, the 201 job as output', async () => {
	const { items, error } = await post({ platforms: ['x'], text: 'Hello from n8n' });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({ platform: 'x', status: 'queued', text: 'Hello from n8n', mediaPaths: [] });
	const [request] = await jobRequests();
	expect(request.body).toEqual({ text: 'Hello from n8n', platform: 'x', mediaPaths: [], idempotencyKey: expect.stringMatching(/^n8n:.*:x$/) });
	expect(request.headers['clawpost-api-key']).toMatch(/^\*\*\*/);
});

test('several platforms: one job and one output item per platform', async () => {
	const { items } = await post({ platforms: ['x', 'linkedin'], text: 'Crosspost' });
	expect(items.map((i) => i.json.platform)).toEqual(['x', 'linkedin']);
	const requests = await jobRequests();
	expect(requests.map((r) => (r.body as IDataObject).platform)).toEqual(['x', 'linkedin']);
	const keys = requests.map((r) => (r.body as IDataObject).idempotencyKey as string);
	expect(new Set(keys).size).toBe(2);
});

test('Wait for Result outputs the live postUrl', async () => {
	await fastExtension();
	const { items, error } = await post({ platforms: ['x', 'linkedin'], text: 'Wait for me', options: { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 } });
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.status)).toEqual(['succeeded', 'succeeded']);
	expect(items[0].json.postUrl).toMatch(/^https:\/\/x\.com\/.+\/status\/\d+$/);
	expect(items[1].json.postUrl).toMatch(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:activity:\d+/);
});

test('a failed job is an error with its errorCode, the API\'s message and the remedy', async () => {
	await fastExtension({ browser: { noTab: ['x'] } });
	const { error } = await post({ platforms: ['x'], text: 'No tab', options: { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 } });
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toMatch(/^Claw Post job [0-9a-f-]+ on x failed: /);
	expect(error?.description).toMatch(/^errorCode no_x_tab\. .*open x\.com/);
});

test('a Facebook group the user is not approved in: group_not_approved, do not retry, button state', async () => {
	await fastExtension();
	const groupId = (t.current.info.networks.clawpost.facebookGroups as Record<string, string>).not_member;
	const { error } = await post({
		platforms: ['facebook'],
		text: 'To the group',
		options: { facebookGroup: groupId, waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 },
	});
	expect(error?.description).toMatch(/errorCode group_not_approved\./);
	expect(error?.description).toMatch(/do not retry until the user has joined/);
	expect(error?.description).toMatch(/Group button state: not_member/);
	const [request] = await jobRequests();
	expect((request.body as IDataObject).platformPayload).toEqual({ groupId });
});

test('a slow job: the timeout error names the job to check later', async () => {
	await t.current.control('POST', 'clawpost/extension', { mode: 'manual' });
	const started = Date.now();
	const { error } = await post({ platforms: ['x'], text: 'Slow', options: { waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 2 } });
	expect(Date.now() - started).toBeLessThan(8000);
	expect(error?.message).toMatch(/^Claw Post job [0-9a-f-]+ \(x, (queued|processing)\) not finished after 2 s$/);
	expect(error?.description).toMatch(/Job → Get/);
});

test('n8n retrying the same item (same execution) gets the same job, never a second post', async () => {
	const first = await post({ platforms: ['x'], text: 'Once only' });
	const second = await post({ platforms: ['x'], text: 'Once only' });
	expect(second.items[0].json.id).toBe(first.items[0].json.id);
	expect(await jobRequests()).toHaveLength(2);
	const jobs = await t.current.control<{ jobs: IDataObject[] }>('GET', 'clawpost/jobs');
	expect(jobs.jobs.filter((j) => j.text === 'Once only')).toHaveLength(1);
});

test('a custom idempotency key gets the platform appended', async () => {
	await post({ platforms: ['x', 'linkedin'], text: 'Keyed', options: { idempotencyKey: 'campaign-42' } });
	const keys = (await jobRequests()).map((r) => (r.body as IDataObject).idempotencyKey);
	expect(keys).toEqual(['campaign-42:x', 'campaign-42:linkedin']);
});

test.each([
	['empty text', { platforms: ['x'], text: '   ' }, /^Text \(text\) is required/],
	['TikTok without media', { platforms: ['x', 'tiktok'], text: 'Video?' }, /^tiktok posts need media$/],
	['a group without Facebook', { platforms: ['x'], text: 'x', options: { facebookGroup: '123' } }, /Facebook is not among the platforms/],
	['a media URL that is not a URL', { platforms: ['x'], text: 'x', options: { mediaUrls: 'file:///etc/passwd' } }, /is not an http\(s\) URL/],
])('checked before sending: %s', async (_name, parameters, message) => {
	const { error } = await post(parameters as INodeParameters);
	expect(error?.message).toMatch(message);
	expect(await t.current.requests({ network: 'clawpost' })).toHaveLength(0);
});

test('an image from a binary property is uploaded (multipart) once for all platforms', async () => {
	const { items, error } = await post({ platforms: ['x', 'linkedin'], text: 'With image', options: { mediaBinaries: 'data' } }, [
		binaryItem(PNG, 'image/png', 'dot.png'),
	]);
	expect(error).toBeUndefined();
	const uploads = await t.current.requests({ network: 'clawpost', path: '/v1/media/upload' });
	expect(uploads).toHaveLength(1);
	expect(uploads[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
	const url = (items[0].json.mediaPaths as string[])[0];
	expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\//);
	expect(items[1].json.mediaPaths).toEqual([url]);
	const stored = await fetch(url);
	expect(Buffer.from(await stored.arrayBuffer()).equals(PNG)).toBe(true);
});

test('a video goes through the signed URL and a PUT that carries no API key', async () => {
	const video = Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), Buffer.alloc(2048, 7)]);
	await fastExtension();
	const { items, error } = await post(
		{ platforms: ['tiktok'], text: 'A video', options: { mediaBinaries: 'clip', waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 } },
		[binaryItem(video, 'video/mp4', 'clip.mp4', 'clip')],
	);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ status: 'succeeded', postUrl: expect.stringContaining('tiktok.com') });
	const signed = await t.current.requests({ network: 'clawpost', path: '/v1/media/upload-url' });
	expect(signed[0].body).toMatchObject({ filename: 'clip.mp4', contentType: 'video/mp4', bytes: video.length, platform: 'tiktok' });
	const puts = await t.current.requests({ network: 'clawpost', method: 'PUT' });
	expect(puts).toHaveLength(1);
	expect(puts[0].headers['content-type']).toBe('video/mp4');
	expect(puts[0].headers['clawpost-api-key']).toBeUndefined();
	expect(await t.current.requests({ network: 'clawpost', path: '/v1/media/upload' })).toHaveLength(0);
});

test('a file of 30 MB or more goes through the signed URL', async () => {
	const big = Buffer.alloc(30 * 1024 * 1024, 1);
	PNG.copy(big);
	const { error } = await runNode({
		type: 'clawPost',
		parameters: { resource: 'media', operation: 'upload', binaryProperties: 'data' },
		credentials: creds(),
		input: [binaryItem(big, 'image/png', 'big.png')],
	});
	expect(error).toBeUndefined();
	expect(await t.current.requests({ network: 'clawpost', path: '/v1/media/upload' })).toHaveLength(0);
	expect(await t.current.requests({ network: 'clawpost', method: 'PUT' })).toHaveLength(1);
}, 60_000);

test('storage refusing the PUT (Content-Type mismatch) is a clear error', async () => {
	await t.current.fault({ network: 'clawpost', method: 'PUT', path: '/storage/*', kind: 'status', status: 403, body: 'SignatureDoesNotMatch' });
	const { error } = await runNode({
		type: 'clawPost',
		parameters: { resource: 'media', operation: 'upload', binaryProperties: 'data' },
		credentials: creds(),
		input: [binaryItem(Buffer.alloc(4096, 1), 'video/mp4', 'v.mp4')],
	});
	expect(error?.message).toBe('Uploading "v.mp4" to the signed URL failed with HTTP 403');
	expect(error?.description).toMatch(/Content-Type must be exactly video\/mp4/);
});

test('Media → Upload returns a URL per binary property; Get Upload URL returns the signed triple', async () => {
	const upload = await runNode({
		type: 'clawPost',
		parameters: { resource: 'media', operation: 'upload', binaryProperties: 'a, b' },
		credentials: creds(),
		input: [{ json: {}, binary: { ...binaryItem(PNG, 'image/png', 'a.png', 'a').binary, ...binaryItem(PNG, 'image/png', 'b.png', 'b').binary } }],
	});
	expect(upload.items.map((i) => i.json.binaryProperty)).toEqual(['a', 'b']);
	expect(upload.items.every((i) => /\/storage\//.test(String(i.json.url)))).toBe(true);
	const signed = await runNode({
		type: 'clawPost',
		parameters: { resource: 'media', operation: 'getUploadUrl', filename: 'video.mp4', options: { platform: 'x', bytes: 1234 } },
		credentials: creds(),
	});
	expect(signed.items[0].json).toEqual({ uploadUrl: expect.any(String), url: expect.any(String), resolvedContentType: 'video/mp4' });
	const mismatch = await runNode({
		type: 'clawPost',
		parameters: { resource: 'media', operation: 'getUploadUrl', filename: 'video.mp4', options: { contentType: 'image/png' } },
		credentials: creds(),
	});
	expect(mismatch.error?.httpCode).toBe('400');
});

test('Job → Get reads a job; unknown ids are a 404 in the API\'s words', async () => {
	const created = await post({ platforms: ['linkedin'], text: 'Look me up' });
	const got = await runNode({ type: 'clawPost', parameters: { resource: 'job', operation: 'get', jobId: created.items[0].json.id as string }, credentials: creds() });
	expect(got.items[0].json).toMatchObject({ id: created.items[0].json.id, platform: 'linkedin' });
	const missing = await runNode({ type: 'clawPost', parameters: { resource: 'job', operation: 'get', jobId: '00000000-0000-4000-8000-000000000000' }, credentials: creds() });
	expect(missing.error?.httpCode).toBe('404');
	const malformed = await runNode({ type: 'clawPost', parameters: { resource: 'job', operation: 'get', jobId: 'nope' }, credentials: creds() });
	expect(malformed.error?.message).toMatch(/^Job ID \(jobId\) is not a Claw Post job ID: a UUID; it is "nope" \(4 characters\)\. Refused by the node before sending/);
});

test('no paired extension: 503 EXTENSION_NOT_PAIRED with the pairing hint; quota exceeded: 403', async () => {
	const unpaired = await post({ platforms: ['x'], text: 'x' }, undefined, 'unpaired');
	expect(unpaired.error?.httpCode).toBe('503');
	expect(unpaired.error?.description).toMatch(/EXTENSION_NOT_PAIRED.*Install the Claw Post extension/);
	const quota = await post({ platforms: ['x'], text: 'x' }, undefined, 'quotaExceeded');
	expect(quota.error?.httpCode).toBe('403');
	expect(quota.error?.description).toMatch(/usage limits/);
	const everything = JSON.stringify([unpaired.error, quota.error, unpaired.items]);
	expect(everything).not.toContain(seededKey(t.current, 'clawpost', 'unpaired'));
});

test('several input items: one job each, outputs paired with their items', async () => {
	const { items } = await post({ platforms: ['x'], text: '={{ $json.text }}' }, [{ json: { text: 'first' } }, { json: { text: 'second' } }]);
	expect(items.map((i) => [i.json.text, i.pairedItem])).toEqual([
		['first', { item: 0 }],
		['second', { item: 1 }],
	]);
});

test('a Facebook group given by URL is sent as groupUrl, and the job posts to the group', async () => {
	await fastExtension();
	const { items, error } = await post({
		platforms: ['facebook'],
		text: 'Hello group',
		options: { facebookGroup: 'https://www.facebook.com/groups/1577315533418837', waitForResult: true, checkEverySeconds: 1, maxWaitSeconds: 20 },
	});
	expect(error).toBeUndefined();
	const [request] = await jobRequests();
	expect((request.body as IDataObject).platformPayload).toEqual({ groupUrl: 'https://www.facebook.com/groups/1577315533418837' });
	expect(items[0].json.postUrl).toMatch(/facebook\.com\/groups\//);
});
