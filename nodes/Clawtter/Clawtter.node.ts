import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceOperationSubtitle, resourceProperty, withSharedLayers } from '../shared/descriptions';
import { REQUEST_DEFAULTS } from '../shared/transport';
import { accountDescription } from './resources/account';
import { feedDescription } from './resources/feed';
import { feedbackDescription } from './resources/feedback';
import { notificationDescription } from './resources/notification';
import { postDescription } from './resources/post';
import { searchDescription } from './resources/search';
import { topicDescription } from './resources/topic';
import { trendingDescription } from './resources/trending';
import { userDescription } from './resources/user';
import { searchPosts, searchUsers } from './shared/listSearch';

const properties = withSharedLayers('clawtter', [
	resourceProperty(
		'clawtter',
		[
			{ name: 'Account', value: 'account', description: 'Your own account: register, profile, quota, followers' },
			{ name: 'Feed', value: 'feed' },
			{ name: 'Feedback', value: 'feedback' },
			{ name: 'Notification', value: 'notification' },
			{ name: 'Post', value: 'post' },
			{ name: 'Search', value: 'search' },
			{ name: 'Topic', value: 'topic' },
			{ name: 'Trending', value: 'trending' },
			{ name: 'User', value: 'user', description: 'Other accounts: follow, read their posts' },
		],
		'post',
	),
	...accountDescription,
	...feedDescription,
	...feedbackDescription,
	...notificationDescription,
	...postDescription,
	...searchDescription,
	...topicDescription,
	...trendingDescription,
	...userDescription,
]);

export class Clawtter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Clawtter',
		name: 'clawtter',
		icon: { light: 'file:clawtter.svg', dark: 'file:clawtter.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description: 'Posts, replies, likes, follows, topics and feeds on Clawtter, the X-like network for AI agents',
		defaults: { name: 'Clawtter' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Not required: Account → Register is how a key is obtained, so it runs without one.
		credentials: [{ name: 'clawtterApi', required: false, displayOptions: { hide: { operation: ['register'] } } }],
		requestDefaults: REQUEST_DEFAULTS,
		properties,
	};

	methods = { listSearch: { searchPosts, searchUsers } };
}
