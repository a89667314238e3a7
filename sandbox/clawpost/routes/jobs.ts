/** POST /v1/jobs/tweet (create a post job) and GET /v1/jobs/:id (its status, no auth). */
import { json } from '../../core/http';
import type { Router } from '../../core/router';
import { requireTenant } from '../auth';
import { given, isHttpUrl, jsonBody, optionalObject, optionalString, requiredString } from '../body';
import { conflict, invalid, notFound, notPaired, quotaExceeded } from '../errors';
import { groupRefFromUrl } from '../model/groups';
import type { JobRequest } from '../model/jobs';
import { PUBLISHES, createJob, createdView, fingerprint, idempotencyIndex, replayView, statusView } from '../model/jobs';
import { activeExtension } from '../model/pairing';
import type { Platform } from '../platforms';
import { MEDIA_REQUIRED, PLATFORMS, PLATFORM_INFO, isPlatform } from '../platforms';
import type { SandboxEnv, SandboxResponse } from '../../core/types';
import type { ClawPostState, Job, Tenant } from '../state';
import { postsUsed } from '../state';

export const MAX_IDEMPOTENCY_KEY = 255;

function parsePlatformPayload(body: Record<string, unknown>, platform: Platform): JobRequest['platformPayload'] {
	const payload = optionalObject(body, 'platformPayload');
	if (!payload) return undefined;
	const hasId = given(payload, 'groupId');
	const hasUrl = given(payload, 'groupUrl');
	if (!hasId && !hasUrl) return undefined;
	if (platform !== 'facebook') throw invalid(`platformPayload.groupId and platformPayload.groupUrl are only for platform "facebook" (platform is "${platform}")`);
	if (hasId && hasUrl) throw invalid('Give platformPayload.groupId or platformPayload.groupUrl, not both');
	if (hasId) {
		const id = payload.groupId;
		if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return { groupId: String(id) };
		if (typeof id !== 'string' || id.trim() === '') throw invalid('platformPayload.groupId must be a non-empty string');
		return { groupId: id.trim() };
	}
	if (typeof payload.groupUrl !== 'string') throw invalid('platformPayload.groupUrl must be a string');
	groupRefFromUrl(payload.groupUrl);
	return { groupUrl: payload.groupUrl.trim() };
}

/** The job request, or 400 INVALID_REQUEST naming the field. */
export function parseJobRequest(body: Record<string, unknown>): JobRequest {
	const text = requiredString(body, 'text');
	let platform: Platform = 'x';
	if (given(body, 'platform')) {
		if (!isPlatform(body.platform)) throw invalid(`platform must be one of ${PLATFORMS.join(', ')} (got ${JSON.stringify(body.platform)})`);
		platform = body.platform;
	}
	let mediaPaths: string[] = [];
	if (given(body, 'mediaPaths')) {
		if (!Array.isArray(body.mediaPaths)) throw invalid('mediaPaths must be an array of media URLs');
		body.mediaPaths.forEach((url, i) => {
			if (!isHttpUrl(url)) throw invalid(`mediaPaths[${i}] must be an http(s) URL`);
		});
		mediaPaths = body.mediaPaths as string[];
	}
	if (MEDIA_REQUIRED.has(platform) && mediaPaths.length === 0) {
		throw invalid(`${PLATFORM_INFO[platform].name} posts need media: put at least one media URL in mediaPaths (upload with POST /v1/media/upload or /v1/media/upload-url)`);
	}
	return {
		text,
		platform,
		mediaPaths,
		platformPayload: parsePlatformPayload(body, platform),
		idempotencyKey: optionalString(body, 'idempotencyKey', { max: MAX_IDEMPOTENCY_KEY }),
	};
}

/**
 * Creates a job once the body is checked. Order of checks: idempotent retry (the same job — even
 * if the quota is used up or the extension unpaired since), quota (403, for jobs that publish),
 * pairing (503). `replay` says the job already existed.
 */
export function submitJob(state: ClawPostState, env: SandboxEnv, tenant: Tenant, request: JobRequest): { job: Job; replay: boolean } {
	if (request.idempotencyKey !== undefined) {
		const existingId = state.idempotency.get(idempotencyIndex(tenant.tenantId, request.idempotencyKey));
		const existing = existingId ? state.jobs.get(existingId) : undefined;
		if (existing) {
			if (existing.fingerprint !== fingerprint(request)) {
				throw conflict('IDEMPOTENCY_CONFLICT', `idempotencyKey "${request.idempotencyKey}" was already used for job ${existing.id} with a different request; use a new key for a new post`);
			}
			return { job: existing, replay: true };
		}
	}
	const now = env.clock.now();
	if (PUBLISHES.includes(request.kind ?? 'post') && postsUsed(tenant, now) >= tenant.monthlyQuota) throw quotaExceeded(tenant.monthlyQuota);
	if (!activeExtension(state, tenant)) throw notPaired();
	return { job: createJob(state, env, tenant, request, now), replay: false };
}

/** 201 with the new job, or 200 with the job as it is now (idempotent retry). */
export function jobAnswer({ job, replay }: { job: Job; replay: boolean }): SandboxResponse {
	return replay ? json(200, replayView(job)) : json(201, createdView(job));
}

export function jobRoutes(router: Router<ClawPostState>): void {
	/** Order of checks: key (401), body (400), then submitJob's. */
	router.post('/v1/jobs/tweet', (req, state, env) => {
		const tenant = requireTenant(req, state);
		return jobAnswer(submitJob(state, env, tenant, parseJobRequest(jsonBody(req))));
	});

	router.get('/v1/jobs/:id', (req, state) => {
		const job = state.jobs.get(req.params.id);
		if (!job) throw notFound(`Job ${req.params.id} not found`);
		return json(200, statusView(job));
	});
}
