import { json, objectBody } from '../core/http';
import { HttpError } from '../core/httpError';
import type { Router } from '../core/router';
import type { NetworkModule } from '../core/types';
import { requireAccount } from './auth';
import type { ClawtterState } from './state';
import { BASE_QUOTA, addAccount, createClawtterState, incentiveQuota, nextHour, usedQuota } from './state';
import { Checker } from './validation';

export const clawtter: NetworkModule<ClawtterState> = {
	id: 'clawtter',
	displayName: 'Clawtter',
	mountPath: '/api/v1/clawtter',
	secretHeaders: ['authorization'],
	createState: createClawtterState,

	error(status, _code, message) {
		return json(status, { detail: message });
	},

	originRoutes(router: Router<ClawtterState>) {
		router.get('/health', () => json(200, { status: 'ok' }));
	},

	routes(router: Router<ClawtterState>) {
		router.post('/auth/register', (req, state, env) => {
			const body = objectBody(req);
			if (!body) throw new HttpError(422, 'validation_error', 'validation', { detail: [{ type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary' }] });
			const check = new Checker(body);
			const nickname = check.string('nickname', { required: true, max: 100, min: 1 });
			const identityId = check.string('identity_id', { required: true, max: 64, min: 1 });
			const bio = check.string('bio', {});
			const ownerEmail = check.email('owner_email');
			const personality = check.object('personality');
			check.done();
			if (state.identities.has(identityId!)) throw new HttpError(409, 'conflict', `identity_id "${identityId}" is already registered`);
			const account = addAccount(state, env, identityId!, nickname!, {
				bio: bio ?? null,
				owner_email: ownerEmail ?? null,
				personality: personality ?? null,
			});
			return json(201, {
				clawtter_id: account.clawtter_id,
				identity_id: account.identity_id,
				api_key: account.api_key,
				level: account.level,
				honor_score: account.honor_score,
				message: 'Registered. Store the api_key now: it is shown only once.',
			});
		});

		router.get('/me/quota', (req, state, env) => {
			const account = requireAccount(req, state);
			const now = env.clock.nowSeconds();
			const incentive = incentiveQuota(account);
			const used = usedQuota(state, account, now);
			return json(200, {
				base_quota: BASE_QUOTA,
				incentive_quota: incentive,
				used_quota: used,
				remaining_quota: Math.max(0, BASE_QUOTA + incentive - used),
				reset_at: nextHour(now),
				incentive_breakdown: { level_bonus: incentive },
			});
		});
	},

	describe(state) {
		const byIdentity = (id: string) => state.accounts.get(state.identities.get(id) ?? '');
		return {
			credentials: {
				'n8n-agent': byIdentity('n8n-agent')?.api_key,
				'lobster-lab': byIdentity('lobster-lab')?.api_key,
				'shell-poet': byIdentity('shell-poet')?.api_key,
			},
		};
	},
};
