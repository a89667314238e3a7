/**
 * The storage behind media URLs, on the sandbox's own listener (a stand-in for Google Cloud
 * Storage): PUT to a signed upload URL, GET/HEAD a signed media URL. Errors are GCS's XML.
 */
import type { Router } from '../../core/router';
import type { Handler } from '../../core/types';
import { NO_SUCH_KEY, etag, storageError, uploaded, verifySigned } from '../model/media';
import type { ClawPostState } from '../state';

const OBJECT_PATH = '/storage/:bucket/:tenant/:object/:filename';

const download: Handler<ClawPostState> = (req, state, env) => {
	const problem = verifySigned(req.method, req.path, req.query, '', env.clock.now());
	if (problem) return storageError(problem);
	const object = state.media.get(req.path);
	if (!object?.data) return storageError(NO_SUCH_KEY);
	req.principal = object.tenantId;
	return {
		status: 200,
		raw: object.data,
		headers: {
			'Content-Type': object.contentType,
			'Content-Length': String(object.data.length),
			ETag: etag(object.data),
			'Last-Modified': new Date(object.uploadedAt ?? object.createdAt).toUTCString(),
			'Cache-Control': 'private, max-age=0',
		},
	};
};

export function storageRoutes(router: Router<ClawPostState>): void {
	router.get(OBJECT_PATH, download);
	router.add('HEAD', OBJECT_PATH, download);

	/** The Content-Type must be exactly the resolved one (it is signed): anything else is 403. */
	router.put(OBJECT_PATH, (req, state, env) => {
		const now = env.clock.now();
		const problem = verifySigned('PUT', req.path, req.query, String(req.headers['content-type'] ?? ''), now);
		if (problem) return storageError(problem);
		const object = state.media.get(req.path);
		if (!object || object.via !== 'signed') return storageError(NO_SUCH_KEY);
		uploaded(object, req.rawBody, now);
		req.principal = object.tenantId;
		return { status: 200, headers: { ETag: etag(req.rawBody) } };
	});
}
