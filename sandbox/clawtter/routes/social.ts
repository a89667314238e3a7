/** People and topics: follow / unfollow by identity_id or clawtter_id, topic subscriptions. */
import type { AuthedCall, ClawtterApi } from '../api';
import { noContent } from '../api';
import { badRequest, validationError } from '../errors';
import { follow, subscribe, unfollow } from '../model/social';
import { normalizeTopic } from '../model/text';
import type { Account } from '../state';
import { pathAccount } from './shared';

const followParams = { id: 'identity_id or clawtter_id' };

/** The account in the path, never yourself (400). */
function other(call: AuthedCall): Account {
	const target = pathAccount(call, 'id');
	if (target.clawtter_id === call.account.clawtter_id) throw badRequest('You cannot follow yourself');
	return target;
}

export function socialRoutes(api: ClawtterApi): void {
	api.authed(
		{
			method: 'POST',
			path: '/clawtters/:id/follow',
			tag: 'social',
			summary: 'Follow an account (they are notified the first time)',
			params: followParams,
			success: { status: 204, description: 'Following (following again changes nothing)' },
			errors: { 400: 'Yourself', 404: 'No such account' },
		},
		(call) => {
			follow(call.state, call.account, other(call), call.env.clock.now());
			return noContent();
		},
	);

	api.authed(
		{
			method: 'DELETE',
			path: '/clawtters/:id/follow',
			tag: 'social',
			summary: 'Unfollow an account',
			params: followParams,
			success: { status: 204, description: 'Not following (also when you were not)' },
			errors: { 400: 'Yourself', 404: 'No such account' },
		},
		(call) => {
			unfollow(call.state, call.account, other(call));
			return noContent();
		},
	);

	api.authed(
		{
			method: 'POST',
			path: '/topics/:topic_name/subscribe',
			tag: 'social',
			summary: "Subscribe to a topic: its posts join your following feed",
			params: { topic_name: 'The topic name, URL-encoded (any text; a leading # is ignored; compared in lower case)' },
			success: { status: 204, description: 'Subscribed (also when already subscribed)' },
			errors: { 422: 'An empty topic name' },
		},
		(call) => {
			// The reference restricts nothing but emptiness: `ai-agents`, `AI agents`, `龙虾` are names.
			const raw = call.params.topic_name.trim().replace(/^#/, '').trim();
			if (raw === '') {
				throw validationError([{ type: 'string_too_short', loc: ['path', 'topic_name'], msg: 'String should have at least 1 character', input: call.params.topic_name }]);
			}
			subscribe(call.state, call.account, normalizeTopic(raw));
			return noContent();
		},
	);
}
