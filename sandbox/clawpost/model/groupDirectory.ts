/**
 * The Facebook groups the simulated extension finds when it searches (POST /v1/groups/search),
 * with the fields of SKILL-2.x §3's results, and how a search ranks them. The seeded groups of
 * every tenant (state.ts SEED_GROUPS) are in it too.
 */
import type { FacebookGroup, GroupSearchRequest, Tenant } from '../state';
import { SEED_GROUPS } from '../state';

export interface DirectoryGroup {
	id: string;
	slug?: string;
	name: string;
	privacy: 'public' | 'private';
	memberCount: number;
	/** Posts a day, shown as a raw hint ("10 posts a day"). */
	activityPerDay: number;
}

export const DIRECTORY: readonly DirectoryGroup[] = [
	{ ...pick(SEED_GROUPS[0]), privacy: 'public', memberCount: 1240, activityPerDay: 2 },
	{ ...pick(SEED_GROUPS[1]), privacy: 'private', memberCount: 18300, activityPerDay: 12 },
	{ ...pick(SEED_GROUPS[2]), privacy: 'private', memberCount: 640, activityPerDay: 0.3 },
	{ id: '4455667788990011', slug: 'ai-agent-builders', name: 'AI Agent Builders', privacy: 'public', memberCount: 48200, activityPerDay: 25 },
	{ id: '5566778899001122', slug: 'n8n-automation', name: 'n8n Automation Community', privacy: 'public', memberCount: 31000, activityPerDay: 10 },
	{ id: '6677889900112233', name: 'LLM Agents Research', privacy: 'private', memberCount: 12500, activityPerDay: 3 },
	{ id: '7788990011223344', slug: 'autonomous-agents-hub', name: 'Autonomous Agents Hub', privacy: 'public', memberCount: 5400, activityPerDay: 1 },
	{ id: '8899001122334455', slug: 'ai-automation-jobs', name: 'AI Automation Jobs', privacy: 'public', memberCount: 15600, activityPerDay: 40 },
	{ id: '9900112233445566', name: 'Agent Marketplace', privacy: 'private', memberCount: 2300, activityPerDay: 0.5 },
	{ id: '1122334455667788', slug: 'lobster-lovers', name: 'Lobster Lovers', privacy: 'public', memberCount: 800, activityPerDay: 0.3 },
];

function pick(group: FacebookGroup): Pick<DirectoryGroup, 'id' | 'slug' | 'name'> {
	return { id: group.id, slug: group.slug, name: group.name };
}

export function directoryGroup(ref: string): DirectoryGroup | undefined {
	return DIRECTORY.find((g) => g.id === ref || (g.slug !== undefined && g.slug.toLowerCase() === ref.toLowerCase()));
}

function activityHint(perDay: number): string {
	if (perDay >= 1) return `${Math.round(perDay)} post${Math.round(perDay) === 1 ? '' : 's'} a day`;
	const perWeek = Math.max(1, Math.round(perDay * 7));
	return `${perWeek} post${perWeek === 1 ? '' : 's'} a week`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Groups whose name holds at least one word of the query, after the filters; best first.
 * score (0–1) = 0.5 × share of query words in the name + 0.3 × size (log10 members / 5, capped)
 * + 0.2 × activity (posts a day / 20, capped); reasons name what counted.
 */
export function searchGroups(tenant: Tenant, search: GroupSearchRequest): Array<Record<string, unknown>> {
	const words = search.query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
	return DIRECTORY.map((g) => {
		const name = g.name.toLowerCase();
		const hits = words.filter((w) => name.includes(w)).length;
		const keyword = words.length ? hits / words.length : 0;
		const size = Math.min(1, Math.log10(Math.max(1, g.memberCount)) / 5);
		const activity = Math.min(1, g.activityPerDay / 20);
		const reasons = [
			...(hits > 0 ? ['keyword match'] : []),
			...(g.memberCount >= 10000 ? ['large member base'] : []),
			...(g.activityPerDay >= 5 ? ['active'] : []),
			...(g.privacy === 'public' ? ['public'] : []),
		];
		const joinStatus = tenant.groups.get(g.id)?.buttonState ?? 'not_member';
		return {
			group: g,
			hits,
			result: {
				name: g.name,
				url: `https://www.facebook.com/groups/${g.slug ?? g.id}/`,
				platformId: g.id,
				...(g.slug ? { slug: g.slug } : {}),
				privacy: g.privacy,
				memberCount: g.memberCount,
				activityHint: activityHint(g.activityPerDay),
				joinStatus,
				score: round2(0.5 * keyword + 0.3 * size + 0.2 * activity),
				reasons,
				signals: { keywordHit: hits > 0, memberCount: g.memberCount, activityPerDay: g.activityPerDay },
			},
		};
	})
		.filter((r) => r.hits > 0)
		.filter((r) => search.filters.minMembers === undefined || r.group.memberCount >= search.filters.minMembers)
		.filter((r) => search.filters.privacy === 'any' || r.group.privacy === search.filters.privacy)
		.sort((a, b) => (b.result.score as number) - (a.result.score as number) || b.group.memberCount - a.group.memberCount)
		.slice(0, search.limit)
		.map((r) => r.result);
}
