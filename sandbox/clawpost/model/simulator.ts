/**
 * The simulated browser extension of each paired tenant, driven by the sandbox clock (never by
 * timers): before every Claw Post request and control call, `tick` plays every event due by
 * now — leases, results, lease timeouts — at the virtual time it was due, so `updatedAt` and the
 * order of jobs are what a real extension polling every `pickupMs` and posting in `delayMs`
 * would have produced. The extension handles one job at a time, oldest first.
 *
 * What a job ends with, first match wins:
 *  1. no tab open for the platform → no_x_tab (X) / no_platform_tab; logged out → not_logged_in;
 *     a captcha or checkpoint on the platform → challenge_required;
 *  2. a media URL that cannot be downloaded at lease time → media_fetch_failed;
 *  3. a post to a Facebook group the user has not joined → group_not_approved (details.buttonState);
 *  4. the next one-shot outcome queued by a test (for any platform or this one), else the
 *     platform's outcome, else the tenant's default outcome, else success.
 * A job about a Facebook group always carries details.buttonState (and the group id); a group
 * search that succeeds carries details.groupSearch.results; a join that succeeds carries the
 * standing it led to (joined, or requested for a private group).
 */
import type { SandboxEnv } from '../../core/types';
import type { ClawPostState, Job, Outcome, Tenant } from '../state';
import { MINUTE } from '../state';
import { searchGroups } from './groupDirectory';
import { afterJoin, groupOf } from './groups';
import { LEASE_MS, finish, lease, nextQueued } from './jobs';
import { purgeMedia } from './media';
import { activeExtension } from './pairing';

/** leasedBy of jobs the simulated extension took. */
export const SIMULATED = 'simulated';

export function tick(state: ClawPostState, env: SandboxEnv): void {
	const now = env.clock.now();
	for (const tenant of state.tenants.values()) runDriver(state, env, tenant, now);
	// Jobs leased by a client of the extension endpoints (or left behind by a driver switched off).
	for (const job of state.jobs.values()) if (job.status === 'processing') settle(state, job, now);
	purgeMedia(state, now);
}

/** Ends a processing job whose planned result or lease end has come; true when it did. */
function settle(state: ClawPostState, job: Job, now: number): boolean {
	const planned = job.plan?.at ?? Infinity;
	const leaseEnd = job.leaseExpiresAt ?? Infinity;
	if (Math.min(planned, leaseEnd) > now) return false;
	if (job.plan && planned <= leaseEnd) {
		finish(state, job, job.plan.outcome, planned);
	} else {
		finish(state, job, { status: 'failed', errorCode: 'unknown_error', error: `The extension did not report a result within ${LEASE_MS / MINUTE} minutes of leasing the job.` }, leaseEnd);
	}
	return true;
}

function runDriver(state: ClawPostState, env: SandboxEnv, tenant: Tenant, now: number): void {
	const driver = tenant.driver;
	for (;;) {
		const current = driver.currentJobId ? state.jobs.get(driver.currentJobId) : undefined;
		if (current?.status === 'processing') {
			if (!settle(state, current, now)) return;
			continue;
		}
		driver.currentJobId = undefined;
		if (driver.mode === 'off' || !activeExtension(state, tenant)) return;
		const job = nextQueued(state, tenant.tenantId);
		if (!job) return;
		const at = Math.max(job.createdAt + driver.pickupMs, driver.idleSince);
		if (at > now) return;
		lease(state, env, job, SIMULATED, at);
		driver.currentJobId = job.id;
		if (driver.mode === 'auto') {
			const outcome = decide(tenant, job);
			job.plan = { outcome, at: at + (outcome.delayMs ?? driver.delayMs) };
		}
	}
}

/** Adds what the extension reports besides the status: a group's buttonState (and id), a search's results. */
export function withGroupDetails(tenant: Tenant, job: Job, outcome: Outcome): Outcome {
	const succeeded = outcome.status === 'succeeded';
	if (job.kind === 'group_search') {
		if (!succeeded || !job.search) return outcome;
		const { query, filters, limit } = job.search;
		return { ...outcome, details: { groupSearch: { query, filters, limit, results: searchGroups(tenant, job.search) }, ...(outcome.details ?? {}) } };
	}
	const group = groupOf(tenant, job);
	if (!group) return outcome;
	const buttonState = job.kind === 'group_status' ? group.buttonState : job.kind === 'group_join' ? (succeeded ? afterJoin(group) : group.buttonState) : succeeded ? 'joined' : group.buttonState;
	return { ...outcome, details: { buttonState, groupId: group.id, ...(outcome.details ?? {}) } };
}

/** What the simulated extension reports for a leased job (see the rules above). */
export function decide(tenant: Tenant, job: Job): Outcome {
	const driver = tenant.driver;
	const fail = (errorCode: Outcome['errorCode'], error?: string): Outcome => withGroupDetails(tenant, job, { status: 'failed', errorCode, error });
	if (driver.browser.noTab.includes(job.platform)) return fail(job.platform === 'x' ? 'no_x_tab' : 'no_platform_tab');
	if (driver.browser.loggedOut.includes(job.platform)) return fail('not_logged_in');
	if (driver.browser.challenge.includes(job.platform)) return fail('challenge_required');
	if (job.mediaProblem) return fail('media_fetch_failed', `Could not download media ${job.mediaProblem}`);
	const group = job.kind === 'post' ? groupOf(tenant, job) : undefined;
	if (group && group.buttonState !== 'joined') {
		return fail('group_not_approved', `You are not approved to post in the Facebook group "${group.name}" (${group.buttonState === 'requested' ? 'membership pending approval' : 'not a member'}).`);
	}
	const index = driver.next.findIndex((o) => o.platform === undefined || o.platform === job.platform);
	const chosen = index >= 0 ? driver.next.splice(index, 1)[0] : (driver.platformOutcomes[job.platform] ?? driver.defaultOutcome ?? { status: 'succeeded' });
	return withGroupDetails(tenant, job, chosen);
}

/**
 * Completes a job now (control API): with the given outcome, or — without one — as the simulated
 * extension would decide. A queued job is leased first.
 */
export function completeNow(state: ClawPostState, env: SandboxEnv, job: Job, outcome: Outcome | undefined, now: number): void {
	const tenant = state.tenants.get(job.tenantId)!;
	if (job.status === 'queued') lease(state, env, job, 'control', now);
	finish(state, job, outcome ? withGroupDetails(tenant, job, outcome) : decide(tenant, job), now);
}
