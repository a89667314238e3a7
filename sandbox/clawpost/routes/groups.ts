/**
 * Facebook groups (Claw Post 1.1.0): search (POST /v1/groups/search → {jobId}; results in the
 * job's details.groupSearch.results), join and membership status (POST
 * /v1/facebook/groups/join|status → a job; details.buttonState). All run in the extension.
 */
import { json } from '../../core/http';
import type { Router } from '../../core/router';
import { requireTenant } from '../auth';
import { given, jsonBody, optionalInteger, optionalObject, requiredString } from '../body';
import { invalid } from '../errors';
import type { ClawPostState, GroupSearchRequest, JobKind } from '../state';
import { jobAnswer, submitJob } from './jobs';

const SEARCH_LIMIT_DEFAULT = 20;
const SEARCH_LIMIT_MAX = 50;
const QUERY_MAX = 200;
const PRIVACY = ['public', 'private', 'any'] as const;

function searchRequest(body: Record<string, unknown>): GroupSearchRequest {
	if (given(body, 'platform') && body.platform !== 'facebook') throw invalid('platform must be "facebook" (the only platform with group search)');
	const query = requiredString(body, 'query', { max: QUERY_MAX }).trim();
	const filters = optionalObject(body, 'filters') ?? {};
	const minMembers = optionalInteger(filters, 'minMembers', 0, 100_000_000);
	const privacy = filters.privacy ?? 'any';
	if (!(PRIVACY as readonly unknown[]).includes(privacy)) throw invalid(`filters.privacy must be one of ${PRIVACY.join(', ')}`);
	const limit = optionalInteger(body, 'limit', 1, SEARCH_LIMIT_MAX) ?? SEARCH_LIMIT_DEFAULT;
	return { query, filters: { ...(minMembers !== undefined ? { minMembers } : {}), privacy: privacy as GroupSearchRequest['filters']['privacy'] }, limit };
}

/** The numeric group id (a number or a string of digits); the URL's vanity name is not an id. */
function groupIdOf(body: Record<string, unknown>): string {
	const id = body.groupId;
	if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
	if (typeof id === 'string' && /^\d+$/.test(id.trim())) return id.trim();
	throw invalid('groupId is required: the numeric Facebook group id (a search result\'s platformId, or the number in facebook.com/groups/<id>)');
}

export function groupRoutes(router: Router<ClawPostState>): void {
	router.post('/v1/groups/search', (req, state, env) => {
		const tenant = requireTenant(req, state);
		const search = searchRequest(jsonBody(req));
		const { job, replay } = submitJob(state, env, tenant, { kind: 'group_search', text: '', platform: 'facebook', mediaPaths: [], search });
		return json(replay ? 200 : 201, { jobId: job.id });
	});

	const membership = (path: string, kind: JobKind) =>
		router.post(path, (req, state, env) => {
			const tenant = requireTenant(req, state);
			const groupId = groupIdOf(jsonBody(req));
			return jobAnswer(submitJob(state, env, tenant, { kind, text: '', platform: 'facebook', mediaPaths: [], groupId }));
		});
	membership('/v1/facebook/groups/join', 'group_join');
	membership('/v1/facebook/groups/status', 'group_status');
}
