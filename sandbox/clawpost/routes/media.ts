/** POST /v1/media/upload (multipart, < 30 MB) and POST /v1/media/upload-url (a signed PUT URL). */
import { json } from '../../core/http';
import type { Router } from '../../core/router';
import { requireTenant } from '../auth';
import { given, jsonBody, optionalInteger, optionalString, requiredString } from '../body';
import { invalid, tooLarge } from '../errors';
import { MULTIPART_LIMIT_BYTES, checkPlatformType, reserveUpload, resolveContentType, storeUpload } from '../model/media';
import { parseMultipart } from '../multipart';
import type { Platform } from '../platforms';
import { PLATFORMS, isPlatform } from '../platforms';
import type { ClawPostState } from '../state';

/** The largest object a signed upload may announce (GCS's 5 TiB). */
const MAX_OBJECT_BYTES = 5 * 1024 ** 4;

function platformParam(value: unknown): Platform | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (!isPlatform(value)) throw invalid(`platform must be one of ${PLATFORMS.join(', ')}`);
	return value;
}

export function mediaRoutes(router: Router<ClawPostState>): void {
	/** Form fields: `file` (required, with a file name) and `platform` (optional: checks the type). Answers 201 {url}. */
	router.post('/v1/media/upload', (req, state, env) => {
		const tenant = requireTenant(req, state);
		const parts = parseMultipart(String(req.headers['content-type'] ?? ''), req.rawBody);
		const file = parts.find((p) => p.name === 'file');
		if (!file || !file.filename) throw invalid('The multipart field "file" (a file with a file name) is required');
		if (file.data.length === 0) throw invalid(`file "${file.filename}" is empty`);
		if (file.data.length >= MULTIPART_LIMIT_BYTES) {
			throw tooLarge(`file "${file.filename}" is ${file.data.length} bytes; multipart uploads must be smaller than 30 MB (${MULTIPART_LIMIT_BYTES} bytes): use POST /v1/media/upload-url`);
		}
		const platform = platformParam(parts.find((p) => p.name === 'platform')?.data.toString('utf8').trim());
		const contentType = resolveContentType(file.filename, file.contentType, 'file Content-Type');
		if (platform) checkPlatformType(platform, contentType, file.filename);
		return json(201, { url: storeUpload(state, env, tenant, file.filename, contentType, file.data, env.clock.now()) });
	});

	router.post('/v1/media/upload-url', (req, state, env) => {
		const tenant = requireTenant(req, state);
		const body = jsonBody(req);
		const filename = requiredString(body, 'filename', { max: 1024 });
		const platform = given(body, 'platform') ? platformParam(body.platform) : undefined;
		const declared = optionalString(body, 'contentType', { max: 255 });
		optionalInteger(body, 'bytes', 0, MAX_OBJECT_BYTES);
		const resolvedContentType = resolveContentType(filename, declared, 'contentType');
		if (platform) checkPlatformType(platform, resolvedContentType, filename);
		const { uploadUrl, url } = reserveUpload(state, env, tenant, filename, resolvedContentType, env.clock.now());
		return json(200, { uploadUrl, url, resolvedContentType });
	});
}
