/**
 * Claw Post's media storage, a stand-in for Google Cloud Storage on the sandbox's own listener:
 * content types inferred from file names, per-platform type checks, V4-style signed URLs (a PUT
 * URL bound to the resolved Content-Type, open for one hour; a GET URL that lives 24 hours for
 * signed uploads and 7 days for multipart ones), GCS's XML errors, and the 7-day retention:
 * uploaded media is deleted 7 days after its upload (SKILL-2.x §2).
 */
import { createHash, createHmac } from 'node:crypto';

import type { SandboxEnv, SandboxResponse } from '../../core/types';
import { invalid } from '../errors';
import type { Platform } from '../platforms';
import { PLATFORM_CONTENT_TYPES, PLATFORM_INFO } from '../platforms';
import type { ClawPostState, MediaObject, Tenant } from '../state';
import { HOUR } from '../state';

export const BUCKET = 'clawpost-media';
/** Multipart uploads must be smaller than this (30 MB). */
export const MULTIPART_LIMIT_BYTES = 30 * 1024 * 1024;
/** A signed PUT URL accepts the upload for one hour. */
export const UPLOAD_WINDOW_MS = HOUR;
/** The media URL of a signed upload (pass it in mediaPaths) works for 24 hours. */
export const URL_LIFETIME_MS = 24 * HOUR;
/** Uploaded media is kept 7 days, then deleted; a multipart upload's URL lives as long (GCS's longest signature). */
export const RETENTION_MS = 7 * 24 * HOUR;

/** Content types by file extension; the first is the one inferred, the others are accepted overrides. */
const EXTENSION_TYPES: Record<string, readonly string[]> = {
	jpg: ['image/jpeg'],
	jpeg: ['image/jpeg'],
	png: ['image/png'],
	gif: ['image/gif'],
	webp: ['image/webp'],
	heic: ['image/heic'],
	heif: ['image/heif'],
	mp4: ['video/mp4'],
	m4v: ['video/x-m4v', 'video/mp4'],
	mov: ['video/quicktime'],
	webm: ['video/webm'],
	pdf: ['application/pdf'],
};
const KNOWN_TYPES = new Set(Object.values(EXTENSION_TYPES).flat());
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

function extensionOf(filename: string): string | undefined {
	const match = /\.([a-z0-9]+)$/i.exec(filename.trim());
	return match ? match[1].toLowerCase() : undefined;
}

/**
 * The content type of a file: inferred from its name, or the declared one when it matches the
 * name's extension (a generic type such as application/octet-stream counts as not declared).
 */
export function resolveContentType(filename: string, declared: string | undefined, field: string): string {
	const type = (declared ?? '').split(';')[0].trim().toLowerCase();
	const ext = extensionOf(filename);
	const inferred = ext ? EXTENSION_TYPES[ext] : undefined;
	if (GENERIC_TYPES.has(type)) {
		if (!inferred) throw invalid(`Cannot infer a content type from the file name "${filename}": use one of .${Object.keys(EXTENSION_TYPES).join(', .')}`);
		return inferred[0];
	}
	if (inferred) {
		if (!inferred.includes(type)) throw invalid(`${field} "${declared}" does not match the file extension .${ext} (${inferred.join(' or ')})`);
		return type;
	}
	if (!KNOWN_TYPES.has(type)) throw invalid(`Unsupported ${field} "${declared}"`);
	return type;
}

export function checkPlatformType(platform: Platform, contentType: string, filename: string): void {
	const accepted = PLATFORM_CONTENT_TYPES[platform];
	if (!accepted.includes(contentType)) {
		throw invalid(`${PLATFORM_INFO[platform].name} does not accept ${contentType} ("${filename}"); it accepts ${accepted.join(', ')}`);
	}
}

// ---- signed URLs ----------------------------------------------------------------------------

const SIGNING_KEY = 'clawpost-sandbox-storage-signing-key';
/** The longest X-Goog-Expires GCS accepts (7 days). */
const MAX_EXPIRES_SECONDS = 604800;

/** 20240131T235959Z */
function googDate(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function parseGoogDate(value: string): number | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

function sign(method: string, path: string, contentType: string, date: string, expires: string): string {
	return createHmac('sha256', SIGNING_KEY).update([method, path, contentType, date, expires].join('\n')).digest('hex');
}

/** A signed URL for the object path: PUT URLs are bound to the Content-Type, GET URLs are not. */
export function signedUrl(env: SandboxEnv, method: 'GET' | 'PUT', path: string, contentType: string, issuedAt: number, lifetimeMs: number): string {
	const date = googDate(issuedAt);
	const expires = String(Math.floor(lifetimeMs / 1000));
	const query = new URLSearchParams({
		'X-Goog-Algorithm': 'GOOG4-HMAC-SHA256',
		'X-Goog-Credential': `clawpost-sandbox/${date.slice(0, 8)}/auto/storage/goog4_request`,
		'X-Goog-Date': date,
		'X-Goog-Expires': expires,
		'X-Goog-SignedHeaders': method === 'PUT' ? 'content-type;host' : 'host',
		'X-Goog-Signature': sign(method, path, method === 'PUT' ? contentType : '', date, expires),
	});
	return `${env.baseUrl()}${path}?${query.toString()}`;
}

/** A storage error, as GCS answers it (XML). */
export interface StorageProblem {
	status: number;
	code: string;
	message: string;
	details?: string;
}

/** Checks a signed request at time `now`: signature (method, path, Content-Type for PUT), then expiry. */
export function verifySigned(method: string, path: string, query: Record<string, string>, contentType: string, now: number): StorageProblem | undefined {
	const signedMethod = method === 'HEAD' ? 'GET' : method;
	const signature = query['X-Goog-Signature'];
	const date = query['X-Goog-Date'];
	const expires = query['X-Goog-Expires'];
	if (!signature || !date || !expires) {
		const permission = signedMethod === 'PUT' ? 'storage.objects.create' : 'storage.objects.get';
		return { status: 403, code: 'AccessDenied', message: 'Access denied.', details: `Anonymous caller does not have ${permission} access to the Google Cloud Storage object.` };
	}
	const issued = parseGoogDate(date);
	if (issued === undefined || !/^\d+$/.test(expires) || Number(expires) > MAX_EXPIRES_SECONDS) {
		return { status: 400, code: 'AuthorizationQueryParametersError', message: 'Invalid X-Goog-Date or X-Goog-Expires.' };
	}
	if (sign(signedMethod, path, signedMethod === 'PUT' ? contentType : '', date, expires) !== signature) {
		return {
			status: 403,
			code: 'SignatureDoesNotMatch',
			message: 'Access denied.',
			details: 'The request signature we calculated does not match the signature you provided. Check your Google secret key and signing method.',
		};
	}
	const expiresAt = issued + Number(expires) * 1000;
	if (now > expiresAt) return { status: 400, code: 'ExpiredToken', message: 'Invalid argument.', details: `Request signature expired at: ${new Date(expiresAt).toISOString()}` };
	return undefined;
}

export const NO_SUCH_KEY: StorageProblem = { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' };

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function storageError(problem: StorageProblem): SandboxResponse {
	const details = problem.details ? `<Details>${xmlEscape(problem.details)}</Details>` : '';
	return {
		status: problem.status,
		raw: `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${problem.code}</Code><Message>${xmlEscape(problem.message)}</Message>${details}</Error>`,
		headers: { 'Content-Type': 'application/xml; charset=UTF-8' },
	};
}

// ---- objects --------------------------------------------------------------------------------

function safeName(filename: string): string {
	const base = filename.split(/[\\/]/).pop() ?? '';
	const safe = base.replace(/[^A-Za-z0-9._-]/g, '_').slice(-200);
	return safe.replace(/^\.+/, '') || 'file';
}

function newObject(state: ClawPostState, env: SandboxEnv, tenant: Tenant, filename: string, contentType: string, via: MediaObject['via'], now: number): MediaObject {
	const path = `/storage/${BUCKET}/${tenant.tenantId}/${env.random.uuid()}/${safeName(filename)}`;
	const object: MediaObject = { path, tenantId: tenant.tenantId, filename, contentType, via, createdAt: now, expiresAt: now + RETENTION_MS };
	state.media.set(path, object);
	return object;
}

/** Multipart upload: stored at once, for 7 days; the answer is its URL, valid as long as the media is kept. */
export function storeUpload(state: ClawPostState, env: SandboxEnv, tenant: Tenant, filename: string, contentType: string, data: Buffer, now: number): string {
	const object = newObject(state, env, tenant, filename, contentType, 'multipart', now);
	uploaded(object, data, now);
	return signedUrl(env, 'GET', object.path, '', now, RETENTION_MS);
}

/** A signed upload landed: the 7-day retention counts from now. */
export function uploaded(object: MediaObject, data: Buffer, now: number): void {
	object.data = Buffer.from(data);
	object.uploadedAt = now;
	object.expiresAt = now + RETENTION_MS;
}

/** Signed upload: a PUT URL for one hour, and the 24-hour URL the bytes will be read from. */
export function reserveUpload(state: ClawPostState, env: SandboxEnv, tenant: Tenant, filename: string, contentType: string, now: number): { uploadUrl: string; url: string } {
	const object = newObject(state, env, tenant, filename, contentType, 'signed', now);
	object.uploadExpiresAt = now + UPLOAD_WINDOW_MS;
	return {
		uploadUrl: signedUrl(env, 'PUT', object.path, contentType, now, UPLOAD_WINDOW_MS),
		url: signedUrl(env, 'GET', object.path, '', now, URL_LIFETIME_MS),
	};
}

export function etag(data: Buffer): string {
	return `"${createHash('md5').update(data).digest('hex')}"`;
}

/** What downloading one media URL at time `at` gives: undefined when it works, else why not. */
export function mediaFetchProblem(state: ClawPostState, env: SandboxEnv, url: string, at: number): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'invalid URL';
	}
	// RFC 2606's reserved .invalid domain never resolves: a way to make an outside URL fail.
	if (/\.invalid$/i.test(parsed.hostname)) return `getaddrinfo ENOTFOUND ${parsed.hostname}`;
	// Anything else outside the sandbox is assumed reachable (the sandbox does not go online).
	if (parsed.host !== new URL(env.baseUrl()).host) return undefined;
	const query: Record<string, string> = {};
	for (const [k, v] of parsed.searchParams) if (!(k in query)) query[k] = v;
	const object = state.media.get(parsed.pathname);
	const problem = verifySigned('GET', parsed.pathname, query, '', at) ?? (object?.data ? undefined : NO_SUCH_KEY);
	return problem ? `HTTP ${problem.status} ${problem.code}` : undefined;
}

/** Deletes media past its retention (and never-finished uploads whose window closed). */
export function purgeMedia(state: ClawPostState, now: number): void {
	for (const [path, object] of state.media) {
		if (now > object.expiresAt || (!object.data && object.uploadExpiresAt !== undefined && now > object.uploadExpiresAt)) state.media.delete(path);
	}
}
