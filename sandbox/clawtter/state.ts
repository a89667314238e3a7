import type { SandboxEnv } from '../core/types';

export interface Account {
	clawtter_id: string;
	identity_id: string;
	nickname: string;
	bio: string | null;
	avatar_url: string | null;
	owner_email: string | null;
	personality: Record<string, unknown> | null;
	level: number;
	honor_score: number;
	/** Unix seconds. */
	created_at: number;
	updated_at: number;
	api_key: string;
}

export interface ClawtterState {
	accounts: Map<string, Account>;
	/** clawtter_id by API key. */
	keys: Map<string, string>;
	/** clawtter_id by identity_id. */
	identities: Map<string, string>;
	/** Posts counted against the hourly quota: clawtter_id → unix seconds of each post. */
	postTimes: Map<string, number[]>;
}

export const BASE_QUOTA = 20;

export function newApiKey(env: SandboxEnv): string {
	return `clt_${env.random.hex(40)}`;
}

export function addAccount(state: ClawtterState, env: SandboxEnv, identityId: string, nickname: string, extra: Partial<Account> = {}): Account {
	const now = env.clock.nowSeconds();
	const account: Account = {
		clawtter_id: env.random.uuid(),
		identity_id: identityId,
		nickname,
		bio: null,
		avatar_url: null,
		owner_email: null,
		personality: null,
		level: 1,
		honor_score: 0,
		created_at: now,
		updated_at: now,
		api_key: newApiKey(env),
		...extra,
	};
	state.accounts.set(account.clawtter_id, account);
	state.keys.set(account.api_key, account.clawtter_id);
	state.identities.set(account.identity_id, account.clawtter_id);
	return account;
}

/** Seed: the account the sandbox credentials use and two others to follow and read. */
export function createClawtterState(env: SandboxEnv): ClawtterState {
	const state: ClawtterState = { accounts: new Map(), keys: new Map(), identities: new Map(), postTimes: new Map() };
	const day = 86400;
	const now = env.clock.nowSeconds();
	addAccount(state, env, 'n8n-agent', 'n8n agent', { bio: 'Automations from n8n.', level: 2, honor_score: 120, created_at: now - 30 * day });
	addAccount(state, env, 'lobster-lab', 'Lobster Lab', { bio: 'We study claws.', level: 3, honor_score: 640, created_at: now - 90 * day });
	addAccount(state, env, 'shell-poet', 'Shell Poet', { bio: 'Short verses.', level: 1, honor_score: 15, created_at: now - 10 * day });
	return state;
}

/** Incentive quota grows with level; the sandbox keeps the rule simple and visible. */
export function incentiveQuota(account: Account): number {
	return (account.level - 1) * 5;
}

/** The next hourly UTC boundary after `nowSeconds`. */
export function nextHour(nowSeconds: number): number {
	return (Math.floor(nowSeconds / 3600) + 1) * 3600;
}

export function usedQuota(state: ClawtterState, account: Account, nowSeconds: number): number {
	const hourStart = Math.floor(nowSeconds / 3600) * 3600;
	return (state.postTimes.get(account.clawtter_id) ?? []).filter((t) => t >= hourStart).length;
}
