/** Jobs: creation, the lifecycle (queued → processing → succeeded | failed) and their views. */
import type { SandboxEnv } from '../../core/types';
import type { JobPlatform } from '../platforms';
import { failureMessage } from '../platforms';
import type { ButtonState, ClawPostState, GroupSearchRequest, Job, JobKind, Outcome, Tenant } from '../state';
import { MINUTE, seconds } from '../state';
import { BUTTON_STATES, groupOf, recordMembership } from './groups';
import { mediaFetchProblem } from './media';
import { livePostUrl } from './postUrls';

/** A leased job with no result after this long fails (unknown_error) instead of staying processing forever. */
export const LEASE_MS = 15 * MINUTE;

export interface JobRequest {
	/** Default: a post. */
	kind?: JobKind;
	text: string;
	platform: JobPlatform;
	mediaPaths: string[];
	platformPayload?: { groupId?: string; groupUrl?: string };
	idempotencyKey?: string;
	targetUrl?: string;
	groupId?: string;
	search?: GroupSearchRequest;
}

/** Jobs that publish something count toward the monthly quota; group searches and checks do not. */
export const PUBLISHES: readonly JobKind[] = ['post', 'reddit_comment'];

export function fingerprint(request: JobRequest): string {
	const kind = request.kind ?? 'post';
	const extra = kind === 'post' ? [] : [kind, request.targetUrl ?? null, request.groupId ?? null, request.search ?? null];
	return JSON.stringify([request.text, request.platform, request.mediaPaths, request.platformPayload ?? null, ...extra]);
}

export function idempotencyIndex(tenantId: string, key: string): string {
	return `${tenantId}\u0000${key}`;
}

export function createJob(state: ClawPostState, env: SandboxEnv, tenant: Tenant, request: JobRequest, now: number): Job {
	const job: Job = {
		id: env.random.uuid(),
		tenantId: tenant.tenantId,
		kind: request.kind ?? 'post',
		text: request.text,
		platform: request.platform,
		mediaPaths: request.mediaPaths,
		platformPayload: request.platformPayload,
		idempotencyKey: request.idempotencyKey,
		fingerprint: fingerprint(request),
		status: 'queued',
		createdAt: now,
		updatedAt: now,
	};
	if (request.targetUrl !== undefined) job.targetUrl = request.targetUrl;
	if (request.groupId !== undefined) job.groupId = request.groupId;
	if (request.search !== undefined) job.search = request.search;
	state.jobs.set(job.id, job);
	if (request.idempotencyKey !== undefined) state.idempotency.set(idempotencyIndex(tenant.tenantId, request.idempotencyKey), job.id);
	if (PUBLISHES.includes(job.kind)) tenant.jobTimes.push(now);
	return job;
}

/** The oldest queued job of a tenant. */
export function nextQueued(state: ClawPostState, tenantId: string): Job | undefined {
	for (const job of state.jobs.values()) if (job.tenantId === tenantId && job.status === 'queued') return job;
	return undefined;
}

/** queued → processing. The extension downloads the media now: what fails is remembered for the result. */
export function lease(state: ClawPostState, env: SandboxEnv, job: Job, by: string, at: number): void {
	job.status = 'processing';
	job.leasedAt = at;
	job.leasedBy = by;
	job.leaseExpiresAt = at + LEASE_MS;
	job.updatedAt = at;
	job.mediaProblem = null;
	for (const url of job.mediaPaths) {
		const problem = mediaFetchProblem(state, env, url, at);
		if (problem) {
			job.mediaProblem = `${url}: ${problem}`;
			break;
		}
	}
}

/** processing → succeeded | failed, at time `at`. Frees the simulated extension if it was this job. */
export function finish(state: ClawPostState, job: Job, outcome: Outcome, at: number): void {
	const tenant = state.tenants.get(job.tenantId)!;
	job.status = outcome.status;
	job.updatedAt = at;
	job.plan = undefined;
	job.leaseExpiresAt = undefined;
	if (outcome.status === 'succeeded') {
		if (PUBLISHES.includes(job.kind)) job.postUrl = outcome.postUrl ?? livePostUrl(state, tenant, job, at);
	} else {
		job.errorCode = outcome.errorCode ?? 'unknown_error';
		job.error = outcome.error ?? failureMessage(job.errorCode, job.platform);
	}
	if (outcome.details !== undefined) job.details = outcome.details;
	// A join the extension reported changes the account's standing in the group.
	const group = job.kind === 'group_join' && outcome.status === 'succeeded' ? groupOf(tenant, job) : undefined;
	const standing = outcome.details?.buttonState;
	if (group && BUTTON_STATES.includes(standing as ButtonState)) recordMembership(tenant, group, standing as ButtonState);
	const driver = tenant.driver;
	if (driver.currentJobId === job.id) {
		driver.currentJobId = undefined;
		driver.idleSince = Math.max(driver.idleSince, at);
	}
}

export const isFinal = (job: Job): boolean => job.status === 'succeeded' || job.status === 'failed';

/** postUrl on success; error, errorCode on failure; details when the extension gave some. */
function resultFields(job: Job): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	if (job.postUrl !== undefined) out.postUrl = job.postUrl;
	if (job.error !== undefined) out.error = job.error;
	if (job.errorCode !== undefined) out.errorCode = job.errorCode;
	if (job.details !== undefined) out.details = job.details;
	return out;
}

/** What a job other than a post is: its `type` and target (absent on posts, whose views are the reference's). */
function kindFields(job: Job): Record<string, unknown> {
	if (job.kind === 'post') return {};
	return {
		type: job.kind,
		...(job.targetUrl !== undefined ? { targetUrl: job.targetUrl } : {}),
		...(job.groupId !== undefined ? { groupId: job.groupId } : {}),
		...(job.search !== undefined ? { query: job.search.query } : {}),
	};
}

/** The 201 body of POST /v1/jobs/tweet (exactly the reference's fields) and of the other job-creating calls. */
export function createdView(job: Job): Record<string, unknown> {
	return {
		id: job.id,
		tenantId: job.tenantId,
		...kindFields(job),
		text: job.text,
		platform: job.platform,
		status: job.status,
		createdAt: seconds(job.createdAt),
		updatedAt: seconds(job.updatedAt),
		mediaPaths: [...job.mediaPaths],
	};
}

/** An idempotent retry: the creation body as the job is now, with its result once there is one. */
export function replayView(job: Job): Record<string, unknown> {
	return { ...createdView(job), ...resultFields(job) };
}

/** GET /v1/jobs/:id (no auth): status and result only, not the text or the tenant. */
export function statusView(job: Job): Record<string, unknown> {
	const { postUrl, ...failure } = resultFields(job);
	return {
		id: job.id,
		status: job.status,
		...(postUrl !== undefined ? { postUrl } : {}),
		...kindFields(job),
		platform: job.platform,
		createdAt: seconds(job.createdAt),
		updatedAt: seconds(job.updatedAt),
		...failure,
	};
}

/** What the extension receives when it leases a job. */
export function pullView(job: Job): Record<string, unknown> {
	return {
		id: job.id,
		tenantId: job.tenantId,
		...kindFields(job),
		text: job.text,
		platform: job.platform,
		mediaPaths: [...job.mediaPaths],
		platformPayload: job.platformPayload ?? {},
		status: job.status,
		createdAt: seconds(job.createdAt),
		updatedAt: seconds(job.updatedAt),
		leaseExpiresAt: job.leaseExpiresAt !== undefined ? seconds(job.leaseExpiresAt) : undefined,
	};
}

/** Everything, for the control API. */
export function controlView(job: Job): Record<string, unknown> {
	return {
		...pullView(job),
		...resultFields(job),
		idempotencyKey: job.idempotencyKey,
		leasedBy: job.leasedBy,
		leasedAt: job.leasedAt !== undefined ? seconds(job.leasedAt) : undefined,
		plannedAt: job.plan ? seconds(job.plan.at) : undefined,
		mediaProblem: job.mediaProblem ?? undefined,
	};
}
