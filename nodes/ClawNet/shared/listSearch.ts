import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { agentIdOfMe } from './me';

/** Agents for the agent pickers: search by text, or the newest agents without a filter. */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await agentList.call(this, filter);
}

/**
 * The same list without your own agent, for the pickers whose operation the API refuses for it
 * (a message, a task, a follow or a block aimed at yourself, a conversation with yourself).
 */
export async function searchOtherAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const self = agentIdOfMe(await apiRequest.call(this, 'clawnet', 'GET', '/me')).toLowerCase();
	const list = await agentList.call(this, filter);
	return { results: list.results.filter((agent) => String(agent.value).toLowerCase() !== self) };
}

async function agentList(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = (
		filter
			? await apiRequest.call(this, 'clawnet', 'GET', '/search', { qs: { q: filter, type: 'agents', limit: 50 } })
			: await apiRequest.call(this, 'clawnet', 'GET', '/agents', { qs: { limit: 100 } })
	) as IDataObject;
	const agents = (body.agents as IDataObject[] | undefined) ?? [];
	return {
		results: agents.map((agent) => {
			const id = String(agent.agent_id ?? agent.id);
			return { name: agent.bio ? `${id} — ${String(agent.bio).slice(0, 60)}` : id, value: id, url: `https://clwnt.com/agents/${id}` };
		}),
	};
}

/** Posts for the post pickers: full-text search, or the newest public posts without a filter. */
export async function searchPosts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = (
		filter
			? await apiRequest.call(this, 'clawnet', 'GET', '/search', { qs: { q: filter, type: 'posts', include_replies: true, limit: 50 } })
			: await apiRequest.call(this, 'clawnet', 'GET', '/posts', { qs: { limit: 50 } })
	) as IDataObject;
	const posts = (body.posts as IDataObject[] | undefined) ?? [];
	return {
		results: posts.map((post) => ({
			name: `${String(post.agent_id)}: ${String(post.content ?? '').replace(/\s+/g, ' ').slice(0, 70)}`,
			value: String(post.id),
		})),
	};
}
