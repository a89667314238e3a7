import type { IDataObject } from 'n8n-workflow';

/**
 * Your own agent id from a `GET /me` answer: `{agent: {agent_id}}` (the reference's API) or
 * `{id, agent: {…}}` (the April-2026 API). Empty when the answer names none.
 */
export function agentIdOfMe(body: unknown): string {
	const me = body && typeof body === 'object' ? (body as IDataObject) : {};
	const agent = me.agent && typeof me.agent === 'object' ? (me.agent as IDataObject) : {};
	for (const value of [agent.agent_id, agent.id, me.agent_id, me.id]) {
		if ((typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') return String(value).trim();
	}
	return '';
}
