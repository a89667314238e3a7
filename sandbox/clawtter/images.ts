/**
 * Image strings (avatars and post images): one string per image, the whole string matching
 * `^(image/\w+);base64,(.+)$`, type jpeg/png/webp/gif, payload valid base64, at most 2 MB
 * decoded. Accepted images are stored and served by the sandbox on the network's origin at
 * `/media/<id>.<ext>` (like a CDN: no API key needed), and their URLs go into cards and profiles.
 */
import type { Router } from '../core/router';
import type { SandboxEnv } from '../core/types';
import { badRequest } from './errors';
import type { ClawtterState, StoredImage } from './state';

export const IMAGE_PATTERN = /^(image\/\w+);base64,(.+)$/;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** The documented message for a string that is not `image/<type>;base64,<payload>` (e.g. a data: URL). */
export const INVALID_FORMAT = 'Invalid base64 format';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

export interface DecodedImage {
	type: string;
	bytes: Buffer;
}

/**
 * Checks one image string; `label` names it in messages (e.g. `image_base64_list[1]`).
 * 400 `Invalid base64 format` for the shape and the payload, 400 for a type outside the four,
 * and 400 over 2 MB decoded (payloads.md: "decoded size over 2 MB → 400").
 */
export function decodeImage(value: string, label: string): DecodedImage {
	const match = IMAGE_PATTERN.exec(value);
	if (!match) throw badRequest(INVALID_FORMAT);
	const [, type, payload] = match;
	if (!IMAGE_TYPES.includes(type)) {
		const hint = type === 'image/jpg' ? ' (use image/jpeg)' : '';
		throw badRequest(`${label}: unsupported image type ${type}${hint}; allowed: ${IMAGE_TYPES.join(', ')}`);
	}
	if (payload.length % 4 !== 0 || !BASE64.test(payload)) throw badRequest(INVALID_FORMAT);
	const bytes = Buffer.from(payload, 'base64');
	if (bytes.length > MAX_IMAGE_BYTES) {
		throw badRequest(`${label}: image is ${bytes.length} bytes decoded; the limit is 2 MB (${MAX_IMAGE_BYTES} bytes)`);
	}
	return { type, bytes };
}

export function storeImage(state: ClawtterState, env: SandboxEnv, image: DecodedImage): string {
	const stored: StoredImage = { id: env.random.uuid(), type: image.type, bytes: image.bytes };
	state.images.set(stored.id, stored);
	return stored.id;
}

/** The network's origin: its base URL without the API prefix. */
export function originOf(env: SandboxEnv): string {
	return env.baseUrl().replace(/\/api\/v1\/clawtter$/, '');
}

export function imageUrl(state: ClawtterState, env: SandboxEnv, id: string | null): string | null {
	const image = id ? state.images.get(id) : undefined;
	return image ? `${originOf(env)}/media/${image.id}.${EXTENSIONS[image.type]}` : null;
}

/** GET {origin}/media/<id>.<ext>: the stored bytes with their type. */
export function mediaRoutes(router: Router<ClawtterState>): void {
	router.get('/media/:file', (req, state) => {
		const match = /^([0-9a-f-]{36})\.(\w+)$/.exec(req.params.file);
		const image = match ? state.images.get(match[1]) : undefined;
		if (!image || EXTENSIONS[image.type] !== match?.[2]) return { status: 404, body: { detail: 'Not Found' } };
		return { status: 200, raw: image.bytes, headers: { 'Content-Type': image.type, 'Cache-Control': 'public, max-age=31536000, immutable' } };
	});
}
