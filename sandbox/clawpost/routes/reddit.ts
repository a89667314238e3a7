/** POST /v1/reddit/comment (Claw Post 2.1.0): a comment on a Reddit post or comment, posted by the extension as a job. */
import type { Router } from '../../core/router';
import { requireTenant } from '../auth';
import { isHttpUrl, jsonBody, optionalString, requiredString } from '../body';
import { invalid } from '../errors';
import type { ClawPostState } from '../state';
import { MAX_IDEMPOTENCY_KEY, jobAnswer, submitJob } from './jobs';

/** Reddit's own limit on a comment's length (Claw Post documents none). */
export const REDDIT_COMMENT_MAX = 10000;

const REDDIT_HOST = /^(?:www\.|old\.|new\.|np\.|m\.)?reddit\.com$/i;

/** A Reddit permalink whose path contains /comments/ (a post or a comment); 400 otherwise. */
function redditTarget(value: unknown): string {
	if (!isHttpUrl(value)) throw invalid('targetUrl is required: the Reddit URL of the post or comment to answer (its path contains /comments/)');
	const url = new URL(value);
	if (!REDDIT_HOST.test(url.hostname) || !/^\/r\/[^/]+\/comments\/[^/]+/.test(url.pathname)) {
		throw invalid('targetUrl must be a Reddit post or comment permalink such as https://www.reddit.com/r/<subreddit>/comments/<id>/…');
	}
	return value.trim();
}

export function redditRoutes(router: Router<ClawPostState>): void {
	/** {text, targetUrl, idempotencyKey?} → 201 job (idempotent retries 200), as POST /v1/jobs/tweet. */
	router.post('/v1/reddit/comment', (req, state, env) => {
		const tenant = requireTenant(req, state);
		const body = jsonBody(req);
		const text = requiredString(body, 'text', { max: REDDIT_COMMENT_MAX });
		const targetUrl = redditTarget(body.targetUrl);
		const idempotencyKey = optionalString(body, 'idempotencyKey', { max: MAX_IDEMPOTENCY_KEY });
		return jobAnswer(submitJob(state, env, tenant, { kind: 'reddit_comment', text, platform: 'reddit', mediaPaths: [], targetUrl, idempotencyKey }));
	});
}
