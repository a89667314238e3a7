/**
 * The scripted model's control routes (`/_control/model/…`):
 *
 * - `POST /script {turns?, rules?, append?}` queues turns (each `{text}`, `{toolCalls: [{tool,
 *   args}]}` or `{error: {status, message}}`; replacing the queue unless `append`) and/or replaces
 *   the rules (`rules: null` restores the default ones); `GET /script` shows both;
 *   `DELETE /script` empties the queue and restores the default rules.
 * - `GET /calls` every call n8n made (messages, tool definitions with their sizes, tool results,
 *   the answer, the raw body); `DELETE /calls` forgets them.
 */
import { json } from '../core/http';
import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { ModelState, Rule, ScriptedCall, Turn } from './state';
import { DEFAULT_RULES } from './state';

const invalid = (message: string) => new HttpError(400, 'invalid_request', message);

function parseCall(value: unknown, where: string): ScriptedCall {
	const c = value as Record<string, unknown>;
	if (!c || typeof c !== 'object' || typeof c.tool !== 'string' || !c.tool) throw invalid(`${where}.tool must be a tool name or pattern`);
	if (c.args !== undefined && (typeof c.args !== 'object' || c.args === null || Array.isArray(c.args))) throw invalid(`${where}.args must be an object`);
	return { tool: c.tool, args: c.args as Record<string, unknown> | undefined };
}

function parseTurn(value: unknown, i: number): Turn {
	const t = value as Record<string, unknown>;
	if (!t || typeof t !== 'object') throw invalid(`turns[${i}] must be an object`);
	if (typeof t.text === 'string') return { text: t.text };
	if (Array.isArray(t.toolCalls) && t.toolCalls.length) return { toolCalls: t.toolCalls.map((c, j) => parseCall(c, `turns[${i}].toolCalls[${j}]`)) };
	if (t.error && typeof t.error === 'object') {
		const e = t.error as Record<string, unknown>;
		return { error: { status: typeof e.status === 'number' ? e.status : undefined, message: typeof e.message === 'string' ? e.message : undefined } };
	}
	throw invalid(`turns[${i}] must be {text}, {toolCalls: [{tool, args}]} or {error}`);
}

function parseRule(value: unknown, i: number): Rule {
	const call = parseCall(value, `rules[${i}]`);
	const r = value as Record<string, unknown>;
	if (r.when !== undefined && typeof r.when !== 'string') throw invalid(`rules[${i}].when must be a regular expression`);
	if (r.answer !== undefined && typeof r.answer !== 'string') throw invalid(`rules[${i}].answer must be a string`);
	return { ...call, when: r.when as string | undefined, answer: r.answer as string | undefined };
}

const view = (state: ModelState) => ({ turns: state.turns, rules: state.rules });

export function modelControlRoutes(router: Router<ModelState>): void {
	router.get('/script', (_req, state) => json(200, view(state)));
	router.post('/script', (req, state) => {
		const b = (req.body ?? {}) as Record<string, unknown>;
		if (b.turns !== undefined) {
			if (!Array.isArray(b.turns)) throw invalid('turns must be an array');
			const turns = b.turns.map(parseTurn);
			state.turns = b.append === true ? [...state.turns, ...turns] : turns;
		}
		if (b.rules === null) state.rules = DEFAULT_RULES.map((r) => ({ ...r }));
		else if (b.rules !== undefined) {
			if (!Array.isArray(b.rules)) throw invalid('rules must be an array or null');
			state.rules = b.rules.map(parseRule);
		}
		return json(200, view(state));
	});
	router.delete('/script', (_req, state) => {
		state.turns = [];
		state.rules = DEFAULT_RULES.map((r) => ({ ...r }));
		return json(200, view(state));
	});
	router.get('/calls', (_req, state) => json(200, { calls: state.calls }));
	router.delete('/calls', (_req, state) => {
		state.calls = [];
		return { status: 204 };
	});
}
