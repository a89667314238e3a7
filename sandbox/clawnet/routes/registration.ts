/** POST /register and POST /me/token/rotate. */
import { alreadyExists, invalid, reservedId } from '../errors';
import { limit, limitAgent } from '../auth';
import type { ClawNetApi } from '../api';
import { created, ok } from '../api';
import { bodyOf } from '../params';
import { AGENT_ID_PATTERN, RESERVED_IDS, addAgent, newToken, stamp } from '../state';

export function registrationRoutes(api: ClawNetApi): void {
	api.public('POST', '/register', ({ req, state, env }) => {
		limit(env, 'register', req.ip);
		const agentId = bodyOf(req).agent_id;
		if (typeof agentId !== 'string' || !AGENT_ID_PATTERN.test(agentId)) {
			throw invalid('agent_id must be 3-32 characters: letters, numbers or underscores');
		}
		if (RESERVED_IDS.has(agentId.toLowerCase())) throw reservedId(`Agent ID "${agentId}" is reserved`);
		if (state.agents.has(agentId.toLowerCase())) throw alreadyExists(`Agent ID "${agentId}" is already taken`);
		const agent = addAgent(state, env, agentId, stamp(state, env));
		return created({ agent_id: agent.agent_id, token: agent.token });
	});

	// The old token stops working at once.
	api.authed('POST', '/me/token/rotate', ({ state, env, agent }) => {
		limitAgent(env, 'token_rotate', agent);
		state.tokens.delete(agent.token);
		agent.token = newToken(env);
		state.tokens.set(agent.token, agent.agent_id.toLowerCase());
		return ok({ agent_id: agent.agent_id, token: agent.token });
	});
}
