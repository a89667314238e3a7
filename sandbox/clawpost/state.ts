/**
 * Claw Post's in-memory state: tenants (API keys, quota, the Facebook account's groups, the
 * simulated browser extension's settings), paired extensions, jobs, and stored media.
 *
 * The seed draws the three tenants (ids and keys) first from the random stream, exactly as
 * before; everything else (extension ids and tokens, job ids, media ids) is drawn after them,
 * so the seeded keys never change.
 */
import type { SandboxEnv } from '../core/types';
import type { FailureCode, JobPlatform } from './platforms';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export type JobStatus = 'queued' | 'processing' | 'succeeded' | 'failed';
export type ButtonState = 'joined' | 'requested' | 'not_member';
export type DriverMode = 'auto' | 'manual' | 'off';

/** What a job ends with: chosen by a test (control), by the extension (ack) or by the simulator's rules. */
export interface Outcome {
	status: 'succeeded' | 'failed';
	postUrl?: string;
	errorCode?: FailureCode;
	error?: string;
	details?: Record<string, unknown>;
	/** Time from lease to result for the simulated extension (overrides the driver's delayMs). */
	delayMs?: number;
	/** In the `next` queue: applies to the next job of this platform only. */
	platform?: JobPlatform;
}

/** What a job does: a post (POST /v1/jobs/tweet), a Reddit comment, or a Facebook group search / join / status check. */
export type JobKind = 'post' | 'reddit_comment' | 'group_search' | 'group_join' | 'group_status';

export interface GroupSearchRequest {
	query: string;
	filters: { minMembers?: number; privacy: 'public' | 'private' | 'any' };
	limit: number;
}

export interface Job {
	id: string;
	tenantId: string;
	kind: JobKind;
	text: string;
	platform: JobPlatform;
	/** reddit_comment: the post or comment permalink answered. */
	targetUrl?: string;
	/** group_join / group_status: the numeric group id. */
	groupId?: string;
	/** group_search: what to look for. */
	search?: GroupSearchRequest;
	mediaPaths: string[];
	platformPayload?: { groupId?: string; groupUrl?: string };
	idempotencyKey?: string;
	/** The request's meaning, to tell an idempotent retry from a different body under the same key. */
	fingerprint: string;
	status: JobStatus;
	/** Unix ms (the API shows unix seconds). */
	createdAt: number;
	updatedAt: number;
	leasedAt?: number;
	/** 'simulated' or the id of the extension that pulled it. */
	leasedBy?: string;
	leaseExpiresAt?: number;
	/** Why the media could not be downloaded at lease time (null: all fine). */
	mediaProblem?: string | null;
	/** The simulated extension's plan in auto mode: the outcome and when it reports it. */
	plan?: { outcome: Outcome; at: number };
	postUrl?: string;
	error?: string;
	errorCode?: FailureCode;
	details?: Record<string, unknown>;
}

export interface FacebookGroup {
	id: string;
	/** The vanity name in facebook.com/groups/<slug>. */
	slug?: string;
	name: string;
	buttonState: ButtonState;
}

/** The in-process browser extension of a tenant: how it leases and completes jobs. */
export interface Driver {
	/** auto: leases and completes jobs by itself; manual: leases, then waits for a control call; off: idle (a client drives the extension endpoints). */
	mode: DriverMode;
	/** Time from a job's creation until the extension leases it (its poll interval). */
	pickupMs: number;
	/** Time from lease to result. */
	delayMs: number;
	defaultOutcome?: Outcome;
	platformOutcomes: Partial<Record<JobPlatform, Outcome>>;
	/** One-shot outcomes for the next jobs, in order. */
	next: Outcome[];
	/** The browser: platforms logged out of, platforms without an open tab, platforms showing a captcha / checkpoint. */
	browser: { loggedOut: JobPlatform[]; noTab: JobPlatform[]; challenge: JobPlatform[] };
	currentJobId?: string;
	/** When the extension last became free (it leases the next job no earlier). */
	idleSince: number;
}

export interface Tenant {
	tenantId: string;
	apiKey: string;
	plan: string;
	/** Jobs allowed per calendar month (UTC). */
	monthlyQuota: number;
	/** Unix ms of every job created, for usage counts. */
	jobTimes: number[];
	/** The paired extension (none → 503 EXTENSION_NOT_PAIRED on job creation). */
	extensionId?: string;
	driver: Driver;
	/** The user's Facebook groups by id; a group not listed is one the user has joined. */
	groups: Map<string, FacebookGroup>;
	/** The user's handles on each platform (in post URLs). */
	accounts: Record<JobPlatform, string>;
}

export interface Extension {
	id: string;
	token: string;
	name: string;
	registeredAt: number;
	/** 6 digits; empty for extensions paired without a code (seeded, control). */
	pairingCode: string;
	pairingCodeExpiresAt: number;
	tenantId?: string;
	pairedAt?: number;
	/** Set when the tenant paired another extension (or was unpaired): the token is dead. */
	revokedAt?: number;
}

export interface MediaObject {
	/** Path on the sandbox listener: /storage/<bucket>/<tenantId>/<objectId>/<filename>. */
	path: string;
	tenantId: string;
	filename: string;
	contentType: string;
	via: 'multipart' | 'signed';
	createdAt: number;
	/** End of the signed PUT window (signed uploads only). */
	uploadExpiresAt?: number;
	/** End of the read URL's life. */
	expiresAt: number;
	/** The bytes, once uploaded. */
	data?: Buffer;
	uploadedAt?: number;
}

export interface ClawPostState {
	tenants: Map<string, Tenant>;
	/** tenantId by API key. */
	keys: Map<string, string>;
	/** Seeded tenants by role: paired, unpaired, quotaExceeded. */
	roles: Record<string, string>;
	jobs: Map<string, Job>;
	/** jobId by `${tenantId}\u0000${idempotencyKey}`. */
	idempotency: Map<string, string>;
	extensions: Map<string, Extension>;
	/** extension id by token. */
	extensionTokens: Map<string, string>;
	media: Map<string, MediaObject>;
	/** Sequence for platform post ids. */
	postSeq: number;
}

/** Defaults of the simulated extension: it polls every second and takes two seconds to post. */
export const DEFAULT_PICKUP_MS = 1000;
export const DEFAULT_DELAY_MS = 2000;

export function newDriver(mode: DriverMode = 'auto'): Driver {
	return { mode, pickupMs: DEFAULT_PICKUP_MS, delayMs: DEFAULT_DELAY_MS, platformOutcomes: {}, next: [], browser: { loggedOut: [], noTab: [], challenge: [] }, idleSince: 0 };
}

/** The seeded Facebook groups of every tenant: the reference's example group (joined), one pending, one not joined. */
export const SEED_GROUPS: FacebookGroup[] = [
	{ id: '1577315533418837', slug: 'clawpost-testers', name: 'Claw Post testers', buttonState: 'joined' },
	{ id: '2233445566778899', slug: 'ai-agents-pending', name: 'AI agents (membership pending)', buttonState: 'requested' },
	{ id: '9988776655443322', slug: 'private-makers', name: 'Private makers', buttonState: 'not_member' },
];

export function newApiKey(env: SandboxEnv): string {
	return `claw_${env.random.hex(48)}`;
}

/** A tenant, without an extension (pair one with pairing.ts). Draws its id, then its key. */
export function addTenant(state: ClawPostState, env: SandboxEnv, extra: Partial<Pick<Tenant, 'plan' | 'monthlyQuota'>> = {}): Tenant {
	const tenant: Tenant = {
		tenantId: env.random.uuid(),
		apiKey: newApiKey(env),
		plan: 'free',
		monthlyQuota: 100,
		jobTimes: [],
		driver: newDriver(),
		groups: new Map(SEED_GROUPS.map((g) => [g.id, { ...g }])),
		accounts: { x: 'n8n_agent', linkedin: 'n8n-agent', facebook: 'n8n.agent', tiktok: 'n8n_agent', instagram: 'n8n_agent', reddit: 'n8n_agent' },
		...extra,
	};
	state.tenants.set(tenant.tenantId, tenant);
	state.keys.set(tenant.apiKey, tenant.tenantId);
	return tenant;
}

export function emptyState(): ClawPostState {
	return {
		tenants: new Map(),
		keys: new Map(),
		roles: {},
		jobs: new Map(),
		idempotency: new Map(),
		extensions: new Map(),
		extensionTokens: new Map(),
		media: new Map(),
		postSeq: 0,
	};
}

/** Start and end (exclusive) of the UTC calendar month holding `ms`. */
export function monthBounds(ms: number): { start: number; end: number } {
	const d = new Date(ms);
	return {
		start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
		end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
	};
}

export const seconds = (ms: number): number => Math.floor(ms / 1000);

/** Jobs the tenant created in the calendar month (UTC) holding `now`. */
export function postsUsed(tenant: Tenant, now: number): number {
	const { start, end } = monthBounds(now);
	return tenant.jobTimes.filter((t) => t >= start && t < end).length;
}
