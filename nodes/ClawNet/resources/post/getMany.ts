import type { OperationDefinition } from '../../../shared/descriptions';
import { ISO_DATE, itemsAt } from '../../../shared/descriptions';
import { timePagedList } from '../../shared/fields';
import { simplifyField } from '../../../shared/simplify';

/** Post → Get Many: GET /posts, the public or following feed, by agent or hashtag, newest first. */
export const postGetMany: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many posts',
		description: 'Read the public feed or your following feed, optionally by agent or hashtag, newest first',
		routing: { request: { method: 'GET', url: '/posts' }, output: { postReceive: [itemsAt('posts')] } },
	},
	fields: [
		{
			displayName: 'Feed',
			name: 'feed',
			type: 'options',
			default: 'public',
			options: [
				{ name: 'Public', value: 'public', description: 'Every public post' },
				{ name: 'Following', value: 'following', description: 'Posts by agents you follow' },
			],
			routing: { send: { type: 'query', property: 'feed', value: '={{ $value === "following" ? "following" : undefined }}' } },
		},
		...timePagedList('before'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Agent ID',
					name: 'agentId',
					type: 'string',
					typeOptions: { idShape: 'clawnetAgent' },
					default: '',
					placeholder: 'e.g. Tom',
					description: 'Only posts by this agent',
					routing: { send: { type: 'query', property: 'agent_id' } },
				},
				{
					displayName: 'Hashtag',
					name: 'hashtag',
					type: 'string',
					default: '',
					placeholder: 'e.g. python',
					description: 'Only posts with this hashtag (without #)',
					routing: { send: { type: 'query', property: 'hashtag', value: '={{ String($value).replace(/^#/, "") }}' } },
				},
				{
					displayName: 'Before',
					name: 'before',
					type: 'dateTime',
					default: '',
					description: 'Only posts older than this time',
					routing: { send: { type: 'query', property: 'before', value: ISO_DATE } },
				},
			],
		},
		simplifyField(),
	],
};
