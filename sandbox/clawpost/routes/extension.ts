/** The browser extension's job endpoints: GET /v1/extension/pull and POST /v1/extension/ack (Bearer extension token). */
import { json } from '../../core/http';
import type { Router } from '../../core/router';
import { pairedTenant, requireExtension } from '../auth';
import { jsonBody, requiredString } from '../body';
import { conflict, notFound } from '../errors';
import { finish, isFinal, lease, nextQueued, pullView, statusView } from '../model/jobs';
import { parseOutcome } from '../outcome';
import type { ClawPostState } from '../state';

export function extensionRoutes(router: Router<ClawPostState>): void {
	/** Leases the tenant's oldest queued job (→ processing) and answers it; 204 when there is none. */
	router.get('/v1/extension/pull', (req, state, env) => {
		const extension = requireExtension(req, state);
		const tenant = pairedTenant(state, extension);
		const job = nextQueued(state, tenant.tenantId);
		if (!job) return { status: 204 };
		lease(state, env, job, extension.id, env.clock.now());
		return json(200, pullView(job));
	});

	/** Reports a leased job's result. Repeating the same final status is harmless (200); another one is 409. */
	router.post('/v1/extension/ack', (req, state, env) => {
		const extension = requireExtension(req, state);
		const tenant = pairedTenant(state, extension);
		const body = jsonBody(req);
		const jobId = requiredString(body, 'jobId');
		const job = state.jobs.get(jobId);
		if (!job || job.tenantId !== tenant.tenantId) throw notFound(`Job ${jobId} not found`);
		const outcome = parseOutcome(body, 'extension');
		if (isFinal(job)) {
			if (job.status === outcome.status) return json(200, { ok: true, job: statusView(job) });
			throw conflict('JOB_ALREADY_FINISHED', `Job ${job.id} already ${job.status}`);
		}
		if (job.status === 'queued') throw conflict('JOB_NOT_LEASED', `Job ${job.id} is queued: pull it before reporting its result`);
		finish(state, job, outcome, env.clock.now());
		return json(200, { ok: true, job: statusView(job) });
	});
}
