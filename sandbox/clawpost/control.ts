/**
 * Claw Post's control routes (`/_control/clawpost/…`, for tests and demos): the simulated
 * extension's mode, timing and outcomes, completing a job, pairing shortcuts, Facebook groups,
 * extra tenants. Every call first plays the events due by now (like every API request).
 */
import { json } from '../core/http';
import type { Router } from '../core/router';
import type { Handler } from '../core/types';
import { given, optionalInteger, optionalObject, optionalString } from './body';
import { conflict, invalid, notFound } from './errors';
import { BUTTON_STATES, findGroup, groupRefFromUrl } from './model/groups';
import { controlView, isFinal } from './model/jobs';
import { activeExtension, pairSimulated, unpair } from './model/pairing';
import { completeNow, decide, tick } from './model/simulator';
import { parseOutcome } from './outcome';
import type { JobPlatform } from './platforms';
import { JOB_PLATFORMS, isJobPlatform } from './platforms';
import type { ButtonState, ClawPostState, DriverMode, Tenant } from './state';
import { HOUR, addTenant, seconds } from './state';

const MODES: readonly DriverMode[] = ['auto', 'manual', 'off'];

function ticked(handler: Handler<ClawPostState>): Handler<ClawPostState> {
	return (req, state, env) => {
		tick(state, env);
		return handler(req, state, env);
	};
}

function body(req: { body: unknown }): Record<string, unknown> {
	return req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
}

/** A tenant by role (paired, unpaired, quotaExceeded), tenant id or API key; the paired one by default. */
function tenantOf(state: ClawPostState, ref: unknown): Tenant {
	const name = ref === undefined || ref === null || ref === '' ? 'paired' : String(ref);
	const tenant = state.tenants.get(state.roles[name] ?? state.keys.get(name) ?? name);
	if (!tenant) throw notFound(`No tenant "${name}"`);
	return tenant;
}

function mode(value: unknown): DriverMode {
	if (!MODES.includes(value as DriverMode)) throw invalid(`mode must be one of ${MODES.join(', ')}`);
	return value as DriverMode;
}

function platforms(value: unknown, field: string): JobPlatform[] {
	if (!Array.isArray(value) || !value.every(isJobPlatform)) throw invalid(`${field} must be an array of platforms (${JOB_PLATFORMS.join(', ')})`);
	return [...value];
}

function driverView(state: ClawPostState, tenant: Tenant): Record<string, unknown> {
	const d = tenant.driver;
	const extension = activeExtension(state, tenant);
	return {
		tenantId: tenant.tenantId,
		paired: extension !== undefined,
		extension: extension ? { id: extension.id, token: extension.token, name: extension.name, pairedAt: seconds(extension.pairedAt ?? 0) } : null,
		mode: d.mode,
		pickupMs: d.pickupMs,
		delayMs: d.delayMs,
		outcome: d.defaultOutcome ?? null,
		platformOutcomes: d.platformOutcomes,
		next: d.next,
		browser: d.browser,
		currentJobId: d.currentJobId ?? null,
	};
}

export function clawpostControlRoutes(router: Router<ClawPostState>): void {
	router.get('/extension', ticked((req, state) => json(200, driverView(state, tenantOf(state, req.query.tenant)))));

	/**
	 * The simulated extension of a tenant: {tenant?, mode?, pickupMs?, delayMs?,
	 * outcome? (with platform?: that platform's outcome; null clears), next?: [outcome…] (one-shot,
	 * appended), browser?: {loggedOut?, noTab?, challenge?: [platform…]}, clearOutcomes?: true}.
	 */
	router.post(
		'/extension',
		ticked((req, state, env) => {
			const b = body(req);
			const tenant = tenantOf(state, b.tenant);
			const d = tenant.driver;
			const now = env.clock.now();
			if (b.clearOutcomes === true) {
				d.defaultOutcome = undefined;
				d.platformOutcomes = {};
				d.next = [];
			}
			if (given(b, 'mode')) {
				const next = mode(b.mode);
				if (next !== d.mode) d.idleSince = Math.max(d.idleSince, now);
				d.mode = next;
			}
			d.pickupMs = optionalInteger(b, 'pickupMs', 0, 24 * HOUR) ?? d.pickupMs;
			d.delayMs = optionalInteger(b, 'delayMs', 0, 24 * HOUR) ?? d.delayMs;
			if ('outcome' in b) {
				const outcomeBody = optionalObject(b, 'outcome');
				const platform = b.platform ?? outcomeBody?.platform;
				if (platform !== undefined && !isJobPlatform(platform)) throw invalid(`platform must be one of ${JOB_PLATFORMS.join(', ')}`);
				const outcome = outcomeBody ? parseOutcome({ ...outcomeBody, platform: undefined }, 'control') : undefined;
				if (platform) d.platformOutcomes[platform] = outcome;
				else d.defaultOutcome = outcome;
				if (platform && !outcome) delete d.platformOutcomes[platform];
			}
			if (given(b, 'next')) {
				if (!Array.isArray(b.next)) throw invalid('next must be an array of outcomes');
				d.next.push(...b.next.map((o) => parseOutcome(body({ body: o }), 'control')));
			}
			const browser = optionalObject(b, 'browser');
			if (browser) {
				if (given(browser, 'loggedOut')) d.browser.loggedOut = platforms(browser.loggedOut, 'browser.loggedOut');
				if (given(browser, 'noTab')) d.browser.noTab = platforms(browser.noTab, 'browser.noTab');
				if (given(browser, 'challenge')) d.browser.challenge = platforms(browser.challenge, 'browser.challenge');
			}
			// The job in hand follows the mode: auto plans its result now, manual/off waits for a control call.
			const current = d.currentJobId ? state.jobs.get(d.currentJobId) : undefined;
			if (current?.status === 'processing') {
				if (d.mode === 'auto' && !current.plan) {
					const outcome = decide(tenant, current);
					current.plan = { outcome, at: now + (outcome.delayMs ?? d.delayMs) };
				} else if (d.mode !== 'auto') {
					current.plan = undefined;
				}
			}
			return json(200, driverView(state, tenant));
		}),
	);

	/** {tenant?, status?} → every job, with lease and plan. */
	router.get(
		'/jobs',
		ticked((req, state) => {
			const tenantId = req.query.tenant ? tenantOf(state, req.query.tenant).tenantId : undefined;
			const jobs = [...state.jobs.values()].filter((j) => (!tenantId || j.tenantId === tenantId) && (!req.query.status || j.status === req.query.status));
			return json(200, { jobs: jobs.map(controlView) });
		}),
	);

	/** Finishes a queued or processing job now: with the outcome in the body, or ({}) as the simulated extension would. */
	router.post(
		'/jobs/:id/complete',
		ticked((req, state, env) => {
			const job = state.jobs.get(req.params.id);
			if (!job) throw notFound(`Job ${req.params.id} not found`);
			if (isFinal(job)) throw conflict('JOB_ALREADY_FINISHED', `Job ${job.id} already ${job.status}`);
			const b = body(req);
			completeNow(state, env, job, Object.keys(b).length ? parseOutcome(b, 'control') : undefined, env.clock.now());
			return json(200, controlView(job));
		}),
	);

	/** {tenant, mode? = auto}: pairs a new simulated extension without a code (revoking the previous one). */
	router.post(
		'/pair',
		ticked((req, state, env) => {
			const b = body(req);
			const tenant = tenantOf(state, b.tenant);
			const extension = pairSimulated(state, env, tenant, env.clock.now(), given(b, 'mode') ? mode(b.mode) : 'auto');
			return json(201, { tenantId: tenant.tenantId, extensionId: extension.id, extensionToken: extension.token, mode: tenant.driver.mode });
		}),
	);

	router.post(
		'/unpair',
		ticked((req, state, env) => {
			const tenant = tenantOf(state, body(req).tenant);
			unpair(state, tenant, env.clock.now());
			return json(200, { tenantId: tenant.tenantId, paired: false });
		}),
	);

	/** {tenant?, groupId | groupUrl, buttonState: joined | requested | not_member, name?, slug?}: the user's standing in a Facebook group. */
	router.post(
		'/groups',
		ticked((req, state) => {
			const b = body(req);
			const tenant = tenantOf(state, b.tenant);
			const ref = optionalString(b, 'groupId') ?? (typeof b.groupUrl === 'string' ? groupRefFromUrl(b.groupUrl) : undefined);
			if (!ref) throw invalid('groupId or groupUrl is required');
			if (!BUTTON_STATES.includes(b.buttonState as ButtonState)) throw invalid(`buttonState must be one of ${BUTTON_STATES.join(', ')}`);
			const group = findGroup(tenant, ref) ?? { id: ref, name: ref, buttonState: 'joined' as ButtonState };
			group.buttonState = b.buttonState as ButtonState;
			group.name = optionalString(b, 'name') ?? group.name;
			group.slug = optionalString(b, 'slug') ?? group.slug;
			tenant.groups.set(group.id, group);
			return json(200, { tenantId: tenant.tenantId, group });
		}),
	);

	/** Stored media (kept 7 days after upload), for tests: path, tenant, type, when uploaded and deleted. */
	router.get(
		'/media',
		ticked((_req, state) =>
			json(200, {
				media: [...state.media.values()].map((m) => ({
					path: m.path,
					tenantId: m.tenantId,
					filename: m.filename,
					contentType: m.contentType,
					via: m.via,
					uploadedAt: m.uploadedAt !== undefined ? seconds(m.uploadedAt) : null,
					deletedAt: seconds(m.expiresAt),
				})),
			}),
		),
	);

	/** {plan?, monthlyQuota?, paired? = true, mode?}: a fresh tenant with its own key. */
	router.post(
		'/tenants',
		ticked((req, state, env) => {
			const b = body(req);
			const tenant = addTenant(state, env, { plan: optionalString(b, 'plan') ?? 'free', monthlyQuota: optionalInteger(b, 'monthlyQuota', 0, 1_000_000) ?? 100 });
			const extension = b.paired === false ? undefined : pairSimulated(state, env, tenant, env.clock.now(), given(b, 'mode') ? mode(b.mode) : 'auto');
			return json(201, { tenantId: tenant.tenantId, apiKey: tenant.apiKey, extensionToken: extension?.token ?? null });
		}),
	);
}
