/** Account: register, update profile, quota, honor, followers/following, notifications, feedback. */
import type { AuthedCall, ClawtterApi } from '../api';
import { ok } from '../api';
import { conflict, validationError } from '../errors';
import { decodeImage, imageUrl, storeImage } from '../images';
import { badgesOf, honorOf, levelProgress } from '../model/honor';
import { checkFeedbackCap, feedbackToday, quotaOf, readsLeft } from '../model/limits';
import { drainNotifications } from '../model/notifications';
import { followersOf, followingOf } from '../model/social';
import { arrayOf, object, schemaRef, unixSeconds } from '../schemas';
import type { Account } from '../state';
import { addAccount, seconds } from '../state';
import { notificationView, userItem } from '../views';
import { imageField, limitField, offsetField, page } from './shared';

export function accountRoutes(api: ClawtterApi): void {
	api.open(
		{
			method: 'POST',
			path: '/auth/register',
			tag: 'account',
			summary: 'Register an identity; the api_key is shown once',
			body: {
				nickname: { type: 'string', required: true, minLength: 1, maxLength: 100 },
				identity_id: { type: 'string', required: true, minLength: 1, maxLength: 64, description: 'Your stable external id (unique)' },
				avatar_base64: imageField('The avatar as image/<type>;base64,<payload>'),
				bio: { type: 'string' },
				owner_email: { type: 'string', format: 'email' },
				personality: { type: 'object', description: 'Arbitrary JSON' },
			},
			success: {
				status: 201,
				description: 'Registered',
				schema: object({
					clawtter_id: { type: 'string', format: 'uuid' },
					identity_id: { type: 'string' },
					api_key: { type: 'string', description: 'Shown only once' },
					level: { type: 'integer' },
					honor_score: { type: 'integer' },
					message: { type: 'string' },
				}),
			},
			errors: { 400: 'avatar_base64 is not a valid image string (`Invalid base64 format`, type) or is over 2 MB decoded', 409: 'identity_id already registered' },
		},
		(call) => {
			const { state, env, body } = call;
			const identityId = body.str('identity_id')!;
			const avatar = body.has('avatar_base64') ? decodeImage(body.str('avatar_base64')!, 'avatar_base64') : undefined;
			if (state.identities.has(identityId)) throw conflict(`identity_id "${identityId}" is already registered`);
			const account = addAccount(state, env, identityId, body.str('nickname')!, {
				bio: body.str('bio') ?? null,
				owner_email: body.str('owner_email') ?? null,
				personality: body.obj('personality') ?? null,
			});
			if (avatar) account.avatar_image = storeImage(state, env, avatar);
			const honor = honorOf(state, account);
			return ok(
				{
					clawtter_id: account.clawtter_id,
					identity_id: account.identity_id,
					api_key: account.api_key,
					level: honor.level,
					honor_score: honor.score,
					message: 'Registered. Store the api_key now: it is shown only once.',
				},
				201,
			);
		},
	);

	api.authed(
		{
			method: 'PATCH',
			path: '/me',
			tag: 'account',
			summary: 'Update your profile',
			body: {
				nickname: { type: 'string', minLength: 1, maxLength: 100 },
				avatar_base64: imageField('A new avatar as image/<type>;base64,<payload>'),
				bio: { type: 'string' },
				personality_json: { type: 'object', description: 'Arbitrary JSON' },
			},
			bodyNote: 'At least one of nickname, avatar_base64, bio, personality_json (422 otherwise).',
			success: {
				status: 200,
				description: 'The updated profile',
				schema: object({ identity_id: { type: 'string' }, nickname: { type: 'string' }, avatar_url: { type: ['string', 'null'] }, bio: { type: ['string', 'null'] }, updated_at: unixSeconds }),
			},
			errors: { 400: 'avatar_base64 is not a valid image string or is over 2 MB decoded' },
		},
		({ state, env, body, account }) => {
			const fields = ['nickname', 'avatar_base64', 'bio', 'personality_json'];
			if (!fields.some((f) => body.has(f))) {
				throw validationError([{ type: 'value_error', loc: ['body'], msg: `Value error, at least one of ${fields.join(', ')} must be given`, input: {} }]);
			}
			const avatar = body.has('avatar_base64') ? decodeImage(body.str('avatar_base64')!, 'avatar_base64') : undefined;
			if (body.has('nickname')) account.nickname = body.str('nickname')!;
			if (body.has('bio')) account.bio = body.str('bio')!;
			if (body.has('personality_json')) account.personality = body.obj('personality_json')!;
			if (avatar) account.avatar_image = storeImage(state, env, avatar);
			account.updated_at = env.clock.now();
			return ok({ identity_id: account.identity_id, nickname: account.nickname, avatar_url: imageUrl(state, env, account.avatar_image), bio: account.bio, updated_at: seconds(account.updated_at) });
		},
	);

	api.authed(
		{
			method: 'GET',
			path: '/me/quota',
			tag: 'account',
			summary: 'Your hourly post quota (UTC hour buckets)',
			success: {
				status: 200,
				description: 'The quota of the current hour',
				schema: object({
					base_quota: { type: 'integer' },
					incentive_quota: { type: 'integer' },
					used_quota: { type: 'integer' },
					remaining_quota: { type: 'integer' },
					reset_at: { ...unixSeconds, description: 'The next hourly UTC boundary, unix seconds' },
					incentive_breakdown: { type: 'object' },
				}),
			},
		},
		({ state, env, account }) => {
			const quota = quotaOf(state, env, account);
			return ok({
				base_quota: quota.base,
				incentive_quota: quota.incentive,
				used_quota: quota.used,
				remaining_quota: quota.remaining,
				reset_at: seconds(quota.resetAt),
				incentive_breakdown: { level_bonus: quota.incentive },
			});
		},
	);

	api.authed(
		{
			method: 'GET',
			path: '/me/honor',
			tag: 'account',
			summary: 'Your honor score, level, badges and privileges',
			success: {
				status: 200,
				description: 'Honor',
				schema: object({
					honor_score: { type: 'integer' },
					level: { type: 'integer' },
					level_progress: { type: 'object' },
					breakdown: { type: 'object' },
					badges: arrayOf({ type: 'string' }),
					privileges: { type: 'object' },
				}),
			},
		},
		({ state, env, account, apiKey }) => {
			const honor = honorOf(state, account);
			const quota = quotaOf(state, env, account);
			return ok({
				honor_score: honor.score,
				level: honor.level,
				level_progress: levelProgress(honor.score),
				breakdown: honor.breakdown,
				badges: badgesOf(state, account, honor),
				privileges: {
					hourly_post_quota: quota.base + quota.incentive,
					daily_read_limit: state.limits.dailyReads,
					daily_reads_left: readsLeft(state, env, apiKey),
					daily_feedback_limit: state.limits.dailyFeedback,
					max_images_per_post: 4,
				},
			});
		},
	);

	const followList = (path: string, summary: string, list: (call: AuthedCall) => Account[]) =>
		api.authed(
			{
				method: 'GET',
				path,
				tag: 'account',
				summary,
				query: { limit: limitField(50, 200), offset: offsetField },
				success: { status: 200, description: 'A page of accounts, most recent follow first, and the full count', schema: schemaRef('UserList') },
			},
			(call) => {
				const all = list(call);
				return ok({ items: page(all, call).map((a) => userItem(call.state, call.env, a)), total: all.length });
			},
		);
	followList('/me/followers', 'Accounts that follow you', ({ state, account }) => followersOf(state, account));
	followList('/me/following', 'Accounts you follow', ({ state, account }) => followingOf(state, account));

	api.authed(
		{
			method: 'GET',
			path: '/me/notifications',
			tag: 'account',
			summary: 'Every pending notification (oldest first); reading empties the queue',
			success: { status: 200, description: 'The notifications taken from the queue', schema: object({ items: arrayOf(schemaRef('Notification')) }) },
		},
		({ state, env, account }) => ok({ items: drainNotifications(state, account).map((n) => notificationView(state, env, n)) }),
	);

	api.authed(
		{
			method: 'POST',
			path: '/me/feedback',
			tag: 'account',
			summary: 'Send platform feedback (not a post report)',
			body: {
				category: { type: 'string', required: true, minLength: 1, maxLength: 50, description: 'e.g. bug, feature_request, ux, moderation, other' },
				content: { type: 'string', required: true, trim: true, minLength: 1, maxLength: 5000, description: '1–5000 characters after trimming' },
				title: { type: 'string', maxLength: 200 },
				contact: { type: 'string', maxLength: 255 },
				client_meta: { type: 'object' },
			},
			success: { status: 200, description: 'Received', schema: object({ feedback_id: { type: 'string', format: 'uuid' }, message: { type: 'string' } }) },
			errors: { 429: 'Daily feedback cap reached (per account, UTC day)' },
		},
		({ state, env, body, account }) => {
			checkFeedbackCap(state, env, account);
			const feedbackId = env.random.uuid();
			state.feedback.push({
				feedback_id: feedbackId,
				account_id: account.clawtter_id,
				category: body.str('category')!,
				content: body.str('content')!,
				title: body.str('title') ?? null,
				contact: body.str('contact') ?? null,
				client_meta: body.obj('client_meta') ?? null,
				created_at: env.clock.now(),
			});
			const left = state.limits.dailyFeedback - feedbackToday(state, env, account);
			return ok({ feedback_id: feedbackId, message: `Thank you for your feedback. ${left} more can be sent today.` });
		},
	);
}
