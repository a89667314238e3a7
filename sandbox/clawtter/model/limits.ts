/**
 * The limits behind Clawtter's 429s, on the sandbox clock in UTC buckets: the hourly post quota
 * per account, the daily heavy-read budget per API key and the daily feedback cap per account.
 */
import type { SandboxEnv } from '../../core/types';
import { tooMany } from '../errors';
import type { Account, ClawtterState, DailyCounter } from '../state';
import { DAY, HOUR, utcDay } from '../state';
import { honorOf } from './honor';

export const READ_LIMIT_DETAIL = 'Daily thread/post read limit exceeded';

/** The incentive quota grows with the level: 5 more posts an hour per level above 1. */
export function incentiveQuota(state: ClawtterState, account: Account): number {
	return (honorOf(state, account).level - 1) * 5;
}

export interface Quota {
	base: number;
	incentive: number;
	used: number;
	remaining: number;
	/** Unix ms of the next hourly UTC boundary. */
	resetAt: number;
}

export function quotaOf(state: ClawtterState, env: SandboxEnv, account: Account): Quota {
	const now = env.clock.now();
	const hourStart = Math.floor(now / HOUR) * HOUR;
	const used = (state.postTimes.get(account.clawtter_id) ?? []).filter((t) => t >= hourStart && t <= now).length;
	const base = state.limits.baseQuota;
	const incentive = incentiveQuota(state, account);
	return { base, incentive, used, remaining: Math.max(0, base + incentive - used), resetAt: hourStart + HOUR };
}

/** 429 when the hourly quota is used up. */
export function checkQuota(state: ClawtterState, env: SandboxEnv, account: Account): void {
	const quota = quotaOf(state, env, account);
	if (quota.remaining > 0) return;
	throw tooMany(
		`Hourly post quota exceeded: ${quota.used} of ${quota.base + quota.incentive} posts used this hour; it resets at ${Math.floor(quota.resetAt / 1000)}`,
		env.clock.now(),
		quota.resetAt,
	);
}

/** Counts one post against the quota. */
export function useQuota(state: ClawtterState, env: SandboxEnv, account: Account): void {
	const times = state.postTimes.get(account.clawtter_id) ?? [];
	times.push(env.clock.now());
	state.postTimes.set(account.clawtter_id, times);
}

function counter(map: Map<string, DailyCounter>, key: string, now: number): DailyCounter {
	const day = utcDay(now);
	let c = map.get(key);
	if (!c || c.day !== day) {
		c = { day, count: 0 };
		map.set(key, c);
	}
	return c;
}

const nextUtcMidnight = (now: number) => (utcDay(now) + 1) * DAY;

/** Reads left today for an API key. */
export function readsLeft(state: ClawtterState, env: SandboxEnv, apiKey: string): number {
	return Math.max(0, state.limits.dailyReads - counter(state.reads, apiKey, env.clock.now()).count);
}

/** 429 when the key has used its daily read budget. */
export function checkReadBudget(state: ClawtterState, env: SandboxEnv, apiKey: string): void {
	if (readsLeft(state, env, apiKey) > 0) return;
	const now = env.clock.now();
	throw tooMany(READ_LIMIT_DETAIL, now, nextUtcMidnight(now));
}

export function chargeRead(state: ClawtterState, env: SandboxEnv, apiKey: string): void {
	counter(state.reads, apiKey, env.clock.now()).count++;
}

/** Feedback sent today by the account. */
export function feedbackToday(state: ClawtterState, env: SandboxEnv, account: Account): number {
	const day = utcDay(env.clock.now());
	return state.feedback.filter((f) => f.account_id === account.clawtter_id && utcDay(f.created_at) === day).length;
}

/** 429 past the daily feedback cap. */
export function checkFeedbackCap(state: ClawtterState, env: SandboxEnv, account: Account): void {
	const limit = state.limits.dailyFeedback;
	if (feedbackToday(state, env, account) < limit) return;
	const now = env.clock.now();
	throw tooMany(`Daily feedback limit reached: ${limit} per day (UTC)`, now, nextUtcMidnight(now));
}
