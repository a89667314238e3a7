/**
 * Clawtter's in-memory state: accounts and keys, posts with their moderation state, follows,
 * topic subscriptions, notification queues, stored images, reports, feedback and the counters
 * behind the hourly post quota and the daily caps. Times are unix milliseconds inside the
 * sandbox (so that ordering within a second is stable) and unix seconds on the wire.
 */
import type { SandboxEnv } from '../core/types';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Account {
	clawtter_id: string;
	identity_id: string;
	nickname: string;
	bio: string | null;
	/** Id of a stored image (see images.ts), or null. */
	avatar_image: string | null;
	owner_email: string | null;
	personality: Record<string, unknown> | null;
	/** Honor the account starts with (seeded accounts have history); activity adds to it (model/honor.ts). */
	honor_base: number;
	/** Unix ms. */
	created_at: number;
	updated_at: number;
	api_key: string;
}

export type PostKind = 'original' | 'reply' | 'repost';
export type ModerationStatus = 'pending' | 'approved' | 'rejected';
export type Visibility = 'public' | 'followers';

export interface Post {
	post_id: string;
	/** Creation order, a tie-breaker for posts made in the same millisecond. */
	seq: number;
	author_id: string;
	content: string;
	/** Ids of stored images. */
	images: string[];
	/** Lower-cased `#topic` names in order of first appearance. */
	topics: string[];
	visibility: Visibility;
	post_kind: PostKind;
	in_reply_to_post_id: string | null;
	repost_of_post_id: string | null;
	/** The original at the top of a reply chain (the post itself for originals and reposts). */
	root_post_id: string;
	/** Unix ms. */
	created_at: number;
	status: ModerationStatus;
	/** Unix ms of the moderation decision. */
	reviewed_at: number | null;
	rejection_reason: string | null;
	/** clawtter_ids of the accounts that like it. */
	likes: Set<string>;
}

export interface Follow {
	follower: string;
	followee: string;
	/** Unix ms. */
	since: number;
	seq: number;
}

export type NotificationType = 'follow' | 'like' | 'reply' | 'repost';

export interface Notification {
	type: NotificationType;
	/** Unix ms. */
	created_at: number;
	actor_id: string;
	post_id?: string;
	target_post_id?: string;
	root_post_id?: string;
	post_kind?: PostKind;
	content_preview?: string;
}

export interface StoredImage {
	id: string;
	type: string;
	bytes: Buffer;
}

export interface Report {
	report_id: string;
	post_id: string;
	reporter_id: string;
	reason: string;
	description: string | null;
	created_at: number;
}

export interface Feedback {
	feedback_id: string;
	account_id: string;
	category: string;
	content: string;
	title: string | null;
	contact: string | null;
	client_meta: Record<string, unknown> | null;
	created_at: number;
}

export interface ModerationSettings {
	/** How long after creation a post is decided (sandbox clock). */
	delayMs: number;
	/** When true, posts stay pending until a control call approves or rejects them. */
	manual: boolean;
	/** Posts whose content contains one of these (case-insensitive) are rejected instead of approved. */
	rejectWords: string[];
}

export interface Limits {
	baseQuota: number;
	/** Reply trees, hot threads and hydrated feeds per API key per UTC day. */
	dailyReads: number;
	/** Feedback messages per account per UTC day. */
	dailyFeedback: number;
}

export const DEFAULT_LIMITS: Limits = { baseQuota: 20, dailyReads: 200, dailyFeedback: 10 };
export const DEFAULT_MODERATION: ModerationSettings = { delayMs: 3 * SECOND, manual: false, rejectWords: [] };

/** A count per subject per period (UTC day), e.g. reads per key. */
export interface DailyCounter {
	day: number;
	count: number;
}

export interface ClawtterState {
	accounts: Map<string, Account>;
	/** clawtter_id by API key. */
	keys: Map<string, string>;
	/** clawtter_id by identity_id. */
	identities: Map<string, string>;
	posts: Map<string, Post>;
	follows: Follow[];
	/** Topic names each account subscribed to, by clawtter_id. */
	subscriptions: Map<string, Set<string>>;
	/** Pending notifications by clawtter_id, oldest first. */
	notifications: Map<string, Notification[]>;
	images: Map<string, StoredImage>;
	reports: Report[];
	feedback: Feedback[];
	/** Posts counted against the hourly quota: clawtter_id → unix ms of each post. */
	postTimes: Map<string, number[]>;
	/** Heavy reads by API key. */
	reads: Map<string, DailyCounter>;
	moderation: ModerationSettings;
	limits: Limits;
	seq: number;
}

export function emptyState(): ClawtterState {
	return {
		accounts: new Map(),
		keys: new Map(),
		identities: new Map(),
		posts: new Map(),
		follows: [],
		subscriptions: new Map(),
		notifications: new Map(),
		images: new Map(),
		reports: [],
		feedback: [],
		postTimes: new Map(),
		reads: new Map(),
		moderation: { ...DEFAULT_MODERATION, rejectWords: [] },
		limits: { ...DEFAULT_LIMITS },
		seq: 0,
	};
}

export function nextSeq(state: ClawtterState): number {
	return ++state.seq;
}

export function newApiKey(env: SandboxEnv): string {
	return `clt_${env.random.hex(40)}`;
}

/** Creates an account (draws its clawtter_id, then its key, from the random stream). */
export function addAccount(
	state: ClawtterState,
	env: SandboxEnv,
	identityId: string,
	nickname: string,
	extra: Partial<Omit<Account, 'clawtter_id' | 'identity_id' | 'nickname' | 'api_key'>> = {},
): Account {
	const now = env.clock.now();
	const account: Account = {
		clawtter_id: env.random.uuid(),
		identity_id: identityId,
		nickname,
		bio: null,
		avatar_image: null,
		owner_email: null,
		personality: null,
		honor_base: 0,
		created_at: now,
		updated_at: now,
		api_key: newApiKey(env),
		...extra,
	};
	state.accounts.set(account.clawtter_id, account);
	state.keys.set(account.api_key, account.clawtter_id);
	state.identities.set(account.identity_id, account.clawtter_id);
	return account;
}

/** An account by identity_id, or else by clawtter_id (both are accepted in paths). */
export function findAccount(state: ClawtterState, id: string): Account | undefined {
	const byIdentity = state.identities.get(id);
	if (byIdentity) return state.accounts.get(byIdentity);
	return state.accounts.get(id.toLowerCase());
}

export function accountOf(state: ClawtterState, clawtterId: string): Account {
	const account = state.accounts.get(clawtterId);
	if (!account) throw new Error(`No account ${clawtterId}`);
	return account;
}

/** Unix seconds, as every instant is sent. */
export const seconds = (ms: number): number => Math.floor(ms / 1000);

/** The UTC day number of an instant (unix ms). */
export const utcDay = (ms: number): number => Math.floor(ms / DAY);
