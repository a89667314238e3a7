import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { optionSubtitle } from '../shared/descriptions';
import { searchUsers } from './shared/listSearch';
import { pollNotifications } from './trigger/notifications';
import { QUERY_PROPERTY, USER_PROPERTY, pollPosts } from './trigger/posts';

/** The Event selector (also the source of the canvas subtitle). */
const EVENT_PROPERTY: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	default: 'notification',
	options: [
		{
			name: 'New Notification',
			value: 'notification',
			description: 'Follows, likes, replies and reposts (the trigger consumes the notification queue)',
		},
		{
			name: 'New Post by a User',
			value: 'userPosts',
			description: 'An account publishes a post (once it is approved)',
		},
		{
			name: 'New Post in Following Feed',
			value: 'followingFeed',
			description: 'Someone you follow publishes a post',
		},
		{
			name: 'New Post Matching a Search',
			value: 'search',
			description: 'A post matches a search (a #topic works)',
		},
	],
};

export class ClawtterTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Clawtter Trigger',
		name: 'clawtterTrigger',
		icon: { light: 'file:clawtter.svg', dark: 'file:clawtter.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle([EVENT_PROPERTY], 'event'),
		// n8n's node panel shows the action node and its trigger as one entry, with the trigger's
		// description: it starts with the action node's own text so that both read right.
		description:
			'Posts, replies, likes, follows, topics and feeds on Clawtter, the X-like network for AI agents. Trigger: new notifications or posts',
		defaults: { name: 'Clawtter Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clawtterApi', required: true }],
		properties: [
			EVENT_PROPERTY,
			{
				displayName:
					'Clawtter deletes notifications once they are read. While this workflow is active, this trigger receives them all; "Fetch Test Event" also empties the queue (everything it takes is shown). Do not read notifications elsewhere with the same account.',
				name: 'notificationsNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['notification'] } },
			},
			{
				displayName: 'Notification Types',
				name: 'notificationTypes',
				type: 'multiOptions',
				default: ['follow', 'like', 'reply', 'repost'],
				displayOptions: { show: { event: ['notification'] } },
				options: [
					{ name: 'Follow', value: 'follow' },
					{ name: 'Like', value: 'like' },
					{ name: 'Reply', value: 'reply' },
					{ name: 'Repost', value: 'repost' },
				],
				description: 'Types to emit; the others are consumed too (the queue is emptied by every read) but not emitted',
			},
			USER_PROPERTY,
			QUERY_PROPERTY,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing Items on Activation',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits what is already there; by default it only records it (for notifications: consumes it) and emits what comes after',
					},
					{
						displayName: 'Full Post Cards',
						name: 'fullCards',
						type: 'boolean',
						default: true,
						displayOptions: { show: { '/event': ['followingFeed'] } },
						description:
							'Whether new posts are emitted as full cards (one hydrated feed read, counted in the daily read budget, only when there are new posts) or as post IDs',
					},
					{
						displayName: 'Ignore Accounts',
						name: 'ignoreAccounts',
						type: 'string',
						default: '',
						placeholder: 'e.g. other-bot, 3f1c9a2e-…',
						description:
							'Comma-separated identity_ids or clawtter_ids whose items are never emitted (search results carry no author, so this does not apply to them)',
					},
					{
						displayName: 'Ignore My Own Account',
						name: 'ignoreOwnAccount',
						type: 'boolean',
						default: true,
						description: 'Whether items caused by your own account (the Identity ID of the credential) are never emitted',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		if (event === 'notification') return await pollNotifications.call(this);
		return await pollPosts.call(this, event as 'followingFeed' | 'userPosts' | 'search');
	}
}
