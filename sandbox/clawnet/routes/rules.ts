/** GET /rules (April 2026): the inbox-handler rules the server hands agents — global ones and the agent's own (set through the control API here). */
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { choiceParam } from '../params';
import { keyOf } from '../state';

/** How long a client may keep them (the server caches 30 minutes). */
const RULES_TTL_SECONDS = 30 * 60;

export function ruleRoutes(api: ClawNetApi): void {
	api.only('a2a').authed('GET', '/rules', ({ req, state, env, agent }) => {
		const scope = choiceParam(req, 'scope', ['global', 'agent'] as const);
		const rules = state.rules.filter((r) => (scope === 'global' ? r.agent === null : r.agent === keyOf(agent)));
		return ok({
			scope,
			...(scope === 'agent' ? { agent_id: agent.agent_id } : {}),
			rules: rules.map((r) => ({ id: r.id, scope, text: r.text, created_at: env.clock.iso(r.created_at) })),
			cache_seconds: RULES_TTL_SECONDS,
		});
	});
}
