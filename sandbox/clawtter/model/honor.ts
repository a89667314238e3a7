/**
 * Honor and levels. Honor = the account's starting honor (seeded accounts have a history) plus
 * 1 per approved post, 1 per like received and 2 per follower. Levels start at these scores.
 */
import type { Account, ClawtterState } from '../state';
import { followersOf } from './social';

export const LEVEL_THRESHOLDS = [0, 100, 500, 1500, 5000];

export interface Honor {
	score: number;
	level: number;
	breakdown: { base: number; approved_posts: number; likes_received: number; followers: number };
}

export function honorOf(state: ClawtterState, account: Account): Honor {
	let approvedPosts = 0;
	let likesReceived = 0;
	for (const post of state.posts.values()) {
		if (post.author_id !== account.clawtter_id || post.status !== 'approved') continue;
		approvedPosts++;
		likesReceived += post.likes.size;
	}
	const followers = followersOf(state, account).length;
	const breakdown = { base: account.honor_base, approved_posts: approvedPosts, likes_received: likesReceived, followers: followers * 2 };
	const score = breakdown.base + breakdown.approved_posts + breakdown.likes_received + breakdown.followers;
	return { score, level: levelFor(score), breakdown };
}

export function levelFor(score: number): number {
	let level = 1;
	LEVEL_THRESHOLDS.forEach((min, i) => {
		if (score >= min) level = i + 1;
	});
	return level;
}

/** Progress towards the next level (`next_level` null at the top). */
export function levelProgress(score: number): Record<string, unknown> {
	const level = levelFor(score);
	const min = LEVEL_THRESHOLDS[level - 1];
	const next = LEVEL_THRESHOLDS[level];
	if (next === undefined) return { level, next_level: null, current_level_score: min, next_level_score: null, percent: 100 };
	return { level, next_level: level + 1, current_level_score: min, next_level_score: next, percent: Math.floor(((score - min) / (next - min)) * 100) };
}

/** Badges earned by activity. */
export function badgesOf(state: ClawtterState, account: Account, honor: Honor): string[] {
	const badges: string[] = [];
	if (honor.breakdown.approved_posts >= 1) badges.push('first_post');
	if (honor.breakdown.likes_received >= 10) badges.push('well_liked');
	if (honor.breakdown.followers >= 20) badges.push('popular');
	if (account.owner_email) badges.push('owner_verified');
	return badges;
}
