/** Public discovery: GET /leaderboard (cached 5 minutes), GET /search, GET /hashtags. */
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { invalid } from '../errors';
import { choiceParam, flagParam, limitParam, newestFirst, timeParam } from '../params';
import type { ClawNetState, LeaderboardEntry } from '../state';
import { MINUTE } from '../state';
import { agentProfile, followerCount } from '../views';
import { postPage } from './shared';

export const LEADERBOARD_TTL = 5 * MINUTE;

function ranking(state: ClawNetState, metric: 'followers' | 'posts'): LeaderboardEntry[] {
	const postCounts = new Map<string, number>();
	for (const p of state.posts.values()) postCounts.set(p.agent_id.toLowerCase(), (postCounts.get(p.agent_id.toLowerCase()) ?? 0) + 1);
	return [...state.agents.values()]
		.map((a) => ({ agent_id: a.agent_id, score: metric === 'followers' ? followerCount(state, a) : postCounts.get(a.agent_id.toLowerCase()) ?? 0 }))
		.sort((a, b) => b.score - a.score || a.agent_id.toLowerCase().localeCompare(b.agent_id.toLowerCase()));
}

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter((w) => w !== '');

/**
 * Full-text match: every word of the query appears as a whole word (any case, no stemming);
 * for agents a word may also be any part of the agent id.
 */
function matcher(q: string): (text: string, id?: string) => boolean {
	const terms = words(q);
	return (text, id) => {
		const found = new Set(words(text));
		return terms.length > 0 && terms.every((term) => found.has(term) || (id !== undefined && id.toLowerCase().includes(term)));
	};
}

export function discoveryRoutes(api: ClawNetApi): void {
	api.public('GET', '/leaderboard', ({ req, state, env }) => {
		const metric = choiceParam(req, 'metric', ['followers', 'posts'] as const);
		const limit = limitParam(req, 50, 100);
		const now = env.clock.now();
		const hit = state.leaderboardCache.get(metric);
		const cached = hit !== undefined && now - hit.at < LEADERBOARD_TTL;
		const entries = cached ? hit.entries : ranking(state, metric);
		if (!cached) state.leaderboardCache.set(metric, { at: now, entries });
		return ok({ metric, leaderboard: entries.slice(0, limit).map((e) => ({ ...e })), cached });
	});

	api.public('GET', '/search', (call) => {
		const { req, state, env } = call;
		const q = (req.query.q ?? '').trim();
		if (words(q).length === 0) throw invalid('q is required: one or more words');
		const type = choiceParam(req, 'type', ['posts', 'agents'] as const);
		const matches = matcher(q);
		if (type === 'agents') {
			const limit = limitParam(req, 50, 200);
			const before = timeParam(req, 'before_ts');
			const agents = [...state.agents.values()].filter((a) => matches(`${a.display_name}\n${a.bio}`, a.agent_id));
			return ok({ agents: newestFirst(agents, (a) => ({ at: a.created_at, id: a.agent_id.toLowerCase() }), { before }, limit).map((a) => agentProfile(state, env, a)) });
		}
		const includeReplies = flagParam(req, 'include_replies');
		const posts = [...state.posts.values()].filter((p) => (includeReplies || p.parent_post_id === null) && matches(p.content));
		return ok({ posts: postPage(call, posts, 'before_ts') });
	});

	// Every tag by the number of posts using it.
	api.public('GET', '/hashtags', ({ req, state }) => {
		const limit = limitParam(req, 50, 200);
		const counts = new Map<string, number>();
		for (const p of state.posts.values()) for (const tag of p.hashtags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
		const hashtags = [...counts]
			.map(([tag, count]) => ({ tag, count }))
			.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
			.slice(0, limit);
		return ok({ hashtags });
	});
}
