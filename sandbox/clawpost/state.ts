import type { SandboxEnv } from '../core/types';

export interface Tenant {
	tenantId: string;
	apiKey: string;
	plan: string;
	/** Jobs allowed per calendar month (UTC). */
	monthlyQuota: number;
	/** Unix ms of every job created, for usage counts. */
	jobTimes: number[];
	/** Whether a browser extension is paired (no pairing → 503 EXTENSION_NOT_PAIRED on job creation). */
	extensionPaired: boolean;
}

export interface ClawPostState {
	tenants: Map<string, Tenant>;
	/** tenantId by API key. */
	keys: Map<string, string>;
}

export function newApiKey(env: SandboxEnv): string {
	return `claw_${env.random.hex(48)}`;
}

export function addTenant(state: ClawPostState, env: SandboxEnv, extra: Partial<Tenant> = {}): Tenant {
	const tenant: Tenant = {
		tenantId: env.random.uuid(),
		apiKey: newApiKey(env),
		plan: 'free',
		monthlyQuota: 100,
		jobTimes: [],
		extensionPaired: true,
		...extra,
	};
	state.tenants.set(tenant.tenantId, tenant);
	state.keys.set(tenant.apiKey, tenant.tenantId);
	return tenant;
}

/** Seed: a paired tenant the sandbox credentials use, an unpaired one and one out of quota. */
export function createClawPostState(env: SandboxEnv): ClawPostState {
	const state: ClawPostState = { tenants: new Map(), keys: new Map() };
	addTenant(state, env, { plan: 'pro', monthlyQuota: 1000 });
	addTenant(state, env, { extensionPaired: false });
	addTenant(state, env, { monthlyQuota: 0 });
	return state;
}

/** Start and end (exclusive) of the UTC calendar month holding `ms`. */
export function monthBounds(ms: number): { start: number; end: number } {
	const d = new Date(ms);
	return {
		start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
		end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
	};
}
