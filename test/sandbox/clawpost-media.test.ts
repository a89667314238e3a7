/**
 * Claw Post conformance — media: multipart upload (< 30 MB), the signed-URL flow (upload-url,
 * then PUT with exactly the resolved Content-Type within one hour; the URL lives 24 hours), the
 * storage serving the bytes back, and jobs whose media cannot be downloaded (media_fetch_failed).
 */
import { createHash } from 'node:crypto';

import { request } from 'undici';

import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

const t = useSandbox();
const base = () => t.current.info.networks.clawpost.baseUrl;
const tenants = () => t.current.info.networks.clawpost.tenants as Record<string, string>;
const apiKey = (who = 'paired') => ({ 'clawpost-api-key': seededKey(t.current, 'clawpost', who) });
const advance = (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms });
const MB30 = 30 * 1024 * 1024;
const HOUR = 3600_000;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

interface Part {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer | string;
}
function multipart(parts: Part[]): { body: Buffer; contentType: string } {
	const boundary = '----clawposttest7MA4YWxkTrZu0gW';
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`));
		chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
const upload = (parts: Part[], who = 'paired') => {
	const { body, contentType } = multipart(parts);
	return http('POST', `${base()}/v1/media/upload`, { headers: { ...apiKey(who), 'content-type': contentType }, body });
};
const uploadUrl = (json: Record<string, unknown>) => http('POST', `${base()}/v1/media/upload-url`, { headers: apiKey(), json });
const put = (url: string, data: Buffer, contentType?: string) => http('PUT', url, { headers: contentType === undefined ? {} : { 'content-type': contentType }, body: data });
/** GET (or HEAD) as bytes, not text. */
async function download(url: string, method: 'GET' | 'HEAD' = 'GET') {
	const r = await request(url, { method });
	const data = Buffer.from(await r.body.arrayBuffer());
	return { status: r.statusCode, headers: r.headers as Record<string, string>, data };
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const expectError = (r: HttpResult, status: number, code: string, message: RegExp = /./) => {
	expect({ status: r.status, body: r.body }).toEqual({ status, body: { error: expect.stringMatching(message), code } });
};
const expectStorageError = (r: { status: number; headers: Record<string, string>; text?: string; data?: Buffer }, status: number, code: string) => {
	expect(r.status).toBe(status);
	expect(r.headers['content-type']).toMatch(/^application\/xml/);
	expect(r.text ?? r.data?.toString('utf8')).toContain(`<Error><Code>${code}</Code>`);
};
/** Creates a job with these media and lets the (instant) simulated extension handle it. */
async function postWith(mediaPaths: string[], platform = 'x') {
	await t.current.control('POST', 'clawpost/extension', { pickupMs: 0, delayMs: 0 });
	const created = await http('POST', `${base()}/v1/jobs/tweet`, { headers: apiKey(), json: { text: 'with media', platform, mediaPaths } });
	expect(created.status).toBe(201);
	return (await http('GET', `${base()}/v1/jobs/${created.body.id}`)).body;
}

describe('POST /v1/media/upload (multipart/form-data)', () => {
	test('a small image: 201 {url}; the URL is served by the sandbox with the bytes and the stored content type', async () => {
		const r = await upload([{ name: 'file', filename: 'pixel.png', contentType: 'image/png', data: PNG }]);
		expect(r.status).toBe(201);
		expect(r.body).toEqual({ url: expect.any(String) });
		const url = new URL(r.body.url);
		expect(`${url.protocol}//${url.host}`).toBe(base());
		expect(url.pathname).toMatch(new RegExp(`^/storage/clawpost-media/${tenants().paired}/[0-9a-f-]{36}/pixel\\.png$`));
		expect(url.searchParams.get('X-Goog-Expires')).toBe('604800'); // kept 7 days
		const got = await download(r.body.url);
		expect(got.status).toBe(200);
		expect(got.headers['content-type']).toBe('image/png');
		expect(got.headers['content-length']).toBe(String(PNG.length));
		expect(got.data.equals(PNG)).toBe(true);
		const head = await download(r.body.url, 'HEAD');
		expect(head).toMatchObject({ status: 200, data: Buffer.alloc(0) });
		expect(head.headers['content-type']).toBe('image/png');
		// The request log keeps a size, not the bytes; the key is masked.
		const [logged] = await t.current.requests({ network: 'clawpost', path: '/v1/media/upload' });
		expect(logged.body).toMatch(/^<\d+ bytes multipart\/form-data/);
	});

	test('the content type comes from the part, or from the file name when the part is generic; they must agree', async () => {
		const inferred = await upload([{ name: 'file', filename: 'clip.mp4', contentType: 'application/octet-stream', data: 'not really a video' }]);
		expect(inferred.status).toBe(201);
		expect((await download(inferred.body.url)).headers['content-type']).toBe('video/mp4');
		const noType = await upload([{ name: 'file', filename: 'photo.JPG', data: 'jpeg bytes' }]);
		expect((await download(noType.body.url)).headers['content-type']).toBe('image/jpeg');
		expectError(await upload([{ name: 'file', filename: 'cat.png', contentType: 'image/jpeg', data: 'x' }]), 400, 'INVALID_REQUEST', /does not match the file extension \.png/);
		expectError(await upload([{ name: 'file', filename: 'setup.exe', data: 'MZ' }]), 400, 'INVALID_REQUEST', /Cannot infer a content type/);
		expectError(await upload([{ name: 'file', filename: 'notes', contentType: 'text/plain', data: 'x' }]), 400, 'INVALID_REQUEST', /Unsupported/);
	});

	test('an optional platform field checks the type for that platform', async () => {
		expectError(await upload([{ name: 'platform', data: 'x' }, { name: 'file', filename: 'deck.pdf', data: '%PDF-1.7' }]), 400, 'INVALID_REQUEST', /X does not accept application\/pdf/);
		expect((await upload([{ name: 'platform', data: 'linkedin' }, { name: 'file', filename: 'deck.pdf', data: '%PDF-1.7' }])).status).toBe(201);
		expectError(await upload([{ name: 'platform', data: 'myspace' }, { name: 'file', filename: 'a.png', data: PNG }]), 400, 'INVALID_REQUEST', /platform/);
	});

	test('400 for a missing file field, a part without a file name, an empty file, a body that is not multipart or is broken', async () => {
		expectError(await upload([{ name: 'upload', filename: 'a.png', data: PNG }]), 400, 'INVALID_REQUEST', /"file"/);
		expectError(await upload([{ name: 'file', data: 'just text' }]), 400, 'INVALID_REQUEST', /"file"/);
		expectError(await upload([{ name: 'file', filename: 'a.png', data: '' }]), 400, 'INVALID_REQUEST', /empty/);
		const json = await http('POST', `${base()}/v1/media/upload`, { headers: apiKey(), json: { file: 'a.png' } });
		expectError(json, 400, 'INVALID_REQUEST', /multipart\/form-data/);
		const noBoundary = await http('POST', `${base()}/v1/media/upload`, { headers: { ...apiKey(), 'content-type': 'multipart/form-data' }, body: 'x' });
		expectError(noBoundary, 400, 'INVALID_REQUEST', /boundary/);
		const { body, contentType } = multipart([{ name: 'file', filename: 'a.png', data: PNG }]);
		const truncated = await http('POST', `${base()}/v1/media/upload`, { headers: { ...apiKey(), 'content-type': contentType }, body: body.subarray(0, body.length - 40) });
		expectError(truncated, 400, 'INVALID_REQUEST', /Malformed/);
	});

	test('near the limit: 30 MB minus one byte is stored intact; 30 MB is 413', async () => {
		const data = Buffer.alloc(MB30 - 1, 0x61);
		data.write('start', 0);
		data.write('middle', MB30 / 2);
		data.write('end', MB30 - 4);
		const r = await upload([{ name: 'file', filename: 'big.mp4', contentType: 'video/mp4', data }]);
		expect(r.status).toBe(201);
		const got = await download(r.body.url);
		expect(got.data.length).toBe(MB30 - 1);
		expect(sha(got.data)).toBe(sha(data));
		const over = await upload([{ name: 'file', filename: 'big.mp4', contentType: 'video/mp4', data: Buffer.alloc(MB30, 0x62) }]);
		expectError(over, 413, 'PAYLOAD_TOO_LARGE', /upload-url/);
	}, 20_000);
});

describe('POST /v1/media/upload-url and the signed PUT', () => {
	test('the reference example: {uploadUrl, url, resolvedContentType} inferred from the file name', async () => {
		const r = await uploadUrl({ filename: 'video.mp4', platform: 'x', contentType: 'video/mp4', bytes: 52428800 });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ uploadUrl: expect.any(String), url: expect.any(String), resolvedContentType: 'video/mp4' });
		const upload = new URL(r.body.uploadUrl);
		const read = new URL(r.body.url);
		expect(upload.pathname).toBe(read.pathname);
		expect(upload.searchParams.get('X-Goog-Signature')).toMatch(/^[0-9a-f]{64}$/);
		expect(upload.searchParams.get('X-Goog-Expires')).toBe('3600');
		expect(upload.searchParams.get('X-Goog-SignedHeaders')).toBe('content-type;host');
		expect(read.searchParams.get('X-Goog-Expires')).toBe('86400');
		expect((await uploadUrl({ filename: 'photo.jpeg' })).body.resolvedContentType).toBe('image/jpeg');
		expect((await uploadUrl({ filename: 'clip.m4v', contentType: 'video/mp4' })).body.resolvedContentType).toBe('video/mp4');
		expect((await uploadUrl({ filename: 'clip.mov', contentType: 'application/octet-stream' })).body.resolvedContentType).toBe('video/quicktime');
	});

	test.each([
		['no filename', { platform: 'x' }, /filename/],
		['empty filename', { filename: ' ' }, /filename/],
		['an extension with no known type', { filename: 'notes.txt' }, /Cannot infer/],
		['a contentType that does not match the extension', { filename: 'video.mp4', contentType: 'image/png' }, /does not match the file extension \.mp4/],
		['a PDF for X', { filename: 'deck.pdf', platform: 'x' }, /X does not accept application\/pdf/],
		['a video for... nothing: unknown platform', { filename: 'video.mp4', platform: 'vine' }, /platform/],
		['a WebP for Instagram', { filename: 'a.webp', platform: 'instagram' }, /Instagram does not accept image\/webp/],
		['negative bytes', { filename: 'a.png', bytes: -1 }, /bytes/],
		['bytes not a number', { filename: 'a.png', bytes: '50MB' }, /bytes/],
	])('%s → 400', async (_what, body, message) => {
		expectError(await uploadUrl(body), 400, 'INVALID_REQUEST', message);
	});

	test('a PDF for LinkedIn (documents) is fine', async () => {
		expect(await uploadUrl({ filename: 'deck.pdf', platform: 'linkedin' })).toMatchObject({ status: 200, body: { resolvedContentType: 'application/pdf' } });
	});

	test('PUT with exactly the resolved Content-Type stores the bytes; the url serves them (404 NoSuchKey before)', async () => {
		const { body } = await uploadUrl({ filename: 'clip.mp4' });
		expectStorageError(await download(body.url), 404, 'NoSuchKey');
		const data = Buffer.from('fake mp4 bytes');
		const r = await put(body.uploadUrl, data, body.resolvedContentType);
		expect(r.status).toBe(200);
		expect(r.headers.etag).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
		const got = await download(body.url);
		expect(got).toMatchObject({ status: 200, data });
		expect(got.headers['content-type']).toBe('video/mp4');
		// The API key never travels to storage: the request needs none.
		const [logged] = await t.current.requests({ network: 'clawpost', method: 'PUT' });
		expect(logged.headers['clawpost-api-key']).toBeUndefined();
		expect(logged.principal).toBe(tenants().paired);
	});

	test('a Content-Type other than resolvedContentType → 403 SignatureDoesNotMatch (and nothing stored)', async () => {
		const { body } = await uploadUrl({ filename: 'clip.mp4' });
		for (const contentType of ['video/quicktime', 'video/mp4; charset=binary', 'VIDEO/MP4', 'application/octet-stream', undefined]) {
			expectStorageError(await put(body.uploadUrl, Buffer.from('x'), contentType), 403, 'SignatureDoesNotMatch');
		}
		expectStorageError(await download(body.url), 404, 'NoSuchKey');
	});

	test('tampering is 403: another signature, a longer expiry, the PUT URL used to read, no signature at all', async () => {
		const { body } = await uploadUrl({ filename: 'clip.mp4' });
		const tampered = new URL(body.uploadUrl);
		tampered.searchParams.set('X-Goog-Signature', '0'.repeat(64));
		expectStorageError(await put(tampered.toString(), Buffer.from('x'), 'video/mp4'), 403, 'SignatureDoesNotMatch');
		const longer = new URL(body.uploadUrl);
		longer.searchParams.set('X-Goog-Expires', '7200');
		expectStorageError(await put(longer.toString(), Buffer.from('x'), 'video/mp4'), 403, 'SignatureDoesNotMatch');
		await put(body.uploadUrl, Buffer.from('x'), 'video/mp4');
		expectStorageError(await download(body.uploadUrl), 403, 'SignatureDoesNotMatch');
		const bare = new URL(body.url);
		expectStorageError(await download(`${bare.origin}${bare.pathname}`), 403, 'AccessDenied');
	});

	test('the upload window is one hour (sandbox clock): 59 minutes in, the PUT works; 61 minutes in, 400 ExpiredToken', async () => {
		const early = (await uploadUrl({ filename: 'a.mp4' })).body;
		const late = (await uploadUrl({ filename: 'b.mp4' })).body;
		await advance(59 * 60_000);
		expect((await put(early.uploadUrl, Buffer.from('early'), 'video/mp4')).status).toBe(200);
		await advance(2 * 60_000);
		expectStorageError(await put(late.uploadUrl, Buffer.from('late'), 'video/mp4'), 400, 'ExpiredToken');
		expectStorageError(await download(late.url), 404, 'NoSuchKey');
		expect((await download(early.url)).status).toBe(200);
	});

	test('a signed upload\'s url lives 24 hours; a multipart upload\'s as long as the media is kept: 7 days', async () => {
		const { body } = await uploadUrl({ filename: 'a.png' });
		await put(body.uploadUrl, PNG, 'image/png');
		const multi = (await upload([{ name: 'file', filename: 'b.png', data: PNG }])).body.url;
		await advance(23 * HOUR);
		expect((await download(body.url)).status).toBe(200);
		expect((await download(multi)).status).toBe(200);
		await advance(HOUR + 60_000);
		expectStorageError(await download(body.url), 400, 'ExpiredToken');
		expect((await download(multi)).status).toBe(200);
		await advance(6 * 24 * HOUR - 2 * 60_000);
		expect((await download(multi)).status).toBe(200);
		await advance(2 * 60_000);
		expectStorageError(await download(multi), 400, 'ExpiredToken');
	});

	test('7-day retention: uploaded media is deleted 7 days after its upload', async () => {
		await upload([{ name: 'file', filename: 'b.png', data: PNG }]);
		const { body } = await uploadUrl({ filename: 'c.png' });
		await advance(30 * 60_000);
		await put(body.uploadUrl, PNG, 'image/png');
		const stored = async () => (await t.current.control<{ media: unknown[] }>('GET', 'clawpost/media')).media.length;
		expect(await stored()).toBe(2);
		await advance(7 * 24 * HOUR - 29 * 60_000);
		expect(await stored()).toBe(1);
		await advance(30 * 60_000);
		expect(await stored()).toBe(0);
	});
});

describe('jobs with media: media_fetch_failed', () => {
	test('an uploaded, live URL posts', async () => {
		const { url } = (await upload([{ name: 'file', filename: 'a.png', data: PNG }])).body;
		expect(await postWith([url])).toMatchObject({ status: 'succeeded' });
		const signed = (await uploadUrl({ filename: 'v.mp4', platform: 'tiktok' })).body;
		await put(signed.uploadUrl, Buffer.from('video'), 'video/mp4');
		expect(await postWith([signed.url], 'tiktok')).toMatchObject({ status: 'succeeded', postUrl: expect.stringMatching(/tiktok\.com\/@n8n_agent\/video\//) });
	});

	test('an expired URL → failed, media_fetch_failed, naming the URL and the storage error', async () => {
		const { url } = (await upload([{ name: 'file', filename: 'a.png', data: PNG }])).body;
		await advance(7 * 24 * HOUR + 60_000);
		const failed = await postWith([url]);
		expect(failed).toMatchObject({ status: 'failed', errorCode: 'media_fetch_failed' });
		expect(failed.error).toContain(url);
		expect(failed.error).toMatch(/ExpiredToken/);
	});

	test('a signed URL whose PUT never happened, an unknown storage object, an unreachable host → media_fetch_failed', async () => {
		const neverUploaded = (await uploadUrl({ filename: 'v.mp4' })).body.url;
		expect(await postWith([neverUploaded], 'instagram')).toMatchObject({ errorCode: 'media_fetch_failed', error: expect.stringMatching(/NoSuchKey/) });
		const { url } = (await upload([{ name: 'file', filename: 'a.png', data: PNG }])).body;
		const unknown = url.replace(/\/[0-9a-f-]{36}\//, '/00000000-0000-4000-8000-000000000000/');
		expect(await postWith([unknown])).toMatchObject({ errorCode: 'media_fetch_failed' });
		expect(await postWith(['https://media.example.invalid/a.png'])).toMatchObject({ errorCode: 'media_fetch_failed', error: expect.stringMatching(/ENOTFOUND/) });
		// One bad URL among good ones is enough.
		expect(await postWith([url, unknown])).toMatchObject({ errorCode: 'media_fetch_failed' });
	});

	test('a URL that was live when the job was created but expired before the extension picked it up', async () => {
		const { body } = await uploadUrl({ filename: 'a.png' });
		await put(body.uploadUrl, PNG, 'image/png');
		const url = body.url;
		await t.current.control('POST', 'clawpost/extension', { mode: 'off' }); // the browser is closed
		const created = await http('POST', `${base()}/v1/jobs/tweet`, { headers: apiKey(), json: { text: 'later', mediaPaths: [url] } });
		await advance(30 * HOUR);
		await t.current.control('POST', 'clawpost/extension', { mode: 'auto', pickupMs: 0, delayMs: 0 }); // back online
		expect((await http('GET', `${base()}/v1/jobs/${created.body.id}`)).body).toMatchObject({ status: 'failed', errorCode: 'media_fetch_failed' });
	});
});
