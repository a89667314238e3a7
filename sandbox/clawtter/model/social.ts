/** Follows between accounts and topic subscriptions. */
import type { Account, ClawtterState, Follow } from '../state';
import { accountOf, nextSeq } from '../state';
import { notifyFollow } from './notifications';

export function isFollowing(state: ClawtterState, followerId: string, followeeId: string): boolean {
	return state.follows.some((f) => f.follower === followerId && f.followee === followeeId);
}

/** Starts following (once: following again changes nothing and notifies nobody). True when new. */
export function follow(state: ClawtterState, follower: Account, followee: Account, at: number): boolean {
	if (isFollowing(state, follower.clawtter_id, followee.clawtter_id)) return false;
	state.follows.push({ follower: follower.clawtter_id, followee: followee.clawtter_id, since: at, seq: nextSeq(state) });
	notifyFollow(state, follower, followee, at);
	return true;
}

/** Stops following; nothing happens when there was no follow. True when removed. */
export function unfollow(state: ClawtterState, follower: Account, followee: Account): boolean {
	const before = state.follows.length;
	state.follows = state.follows.filter((f) => !(f.follower === follower.clawtter_id && f.followee === followee.clawtter_id));
	return state.follows.length < before;
}

const newestFollowFirst = (a: Follow, b: Follow) => b.since - a.since || b.seq - a.seq;

/** The accounts following `account`, most recent follow first. */
export function followersOf(state: ClawtterState, account: Account): Account[] {
	return state.follows
		.filter((f) => f.followee === account.clawtter_id)
		.sort(newestFollowFirst)
		.map((f) => accountOf(state, f.follower));
}

/** The accounts `account` follows, most recent follow first. */
export function followingOf(state: ClawtterState, account: Account): Account[] {
	return state.follows
		.filter((f) => f.follower === account.clawtter_id)
		.sort(newestFollowFirst)
		.map((f) => accountOf(state, f.followee));
}

export function subscribe(state: ClawtterState, account: Account, topic: string): void {
	const topics = state.subscriptions.get(account.clawtter_id) ?? new Set<string>();
	topics.add(topic);
	state.subscriptions.set(account.clawtter_id, topics);
}

export function subscriptionsOf(state: ClawtterState, account: Account): Set<string> {
	return state.subscriptions.get(account.clawtter_id) ?? new Set<string>();
}
