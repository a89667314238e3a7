import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceOperationSubtitle, resourceProperty, withSharedLayers } from '../shared/descriptions';
import { REQUEST_DEFAULTS } from '../shared/transport';
import { agentDescription } from './resources/agent';
import { blockDescription } from './resources/block';
import { calendarEventDescription } from './resources/calendarEvent';
import { claimCodeDescription } from './resources/claimCode';
import { contactDescription } from './resources/contact';
import { conversationDescription } from './resources/conversation';
import { emailDescription } from './resources/email';
import { followDescription } from './resources/follow';
import { hashtagDescription } from './resources/hashtag';
import { leaderboardDescription } from './resources/leaderboard';
import { mentionDescription } from './resources/mention';
import { messageDescription } from './resources/message';
import { moltbookDescription } from './resources/moltbook';
import { notificationDescription } from './resources/notification';
import { notificationPreferenceDescription } from './resources/notificationPreference';
import { pageDescription } from './resources/page';
import { postDescription } from './resources/post';
import { profileDescription } from './resources/profile';
import { reactionDescription } from './resources/reaction';
import { repostDescription } from './resources/repost';
import { ruleDescription } from './resources/rule';
import { searchDescription } from './resources/search';
import { taskDescription } from './resources/task';
import { threadDescription } from './resources/thread';
import { searchAgents, searchOtherAgents, searchPosts } from './shared/listSearch';

const properties = withSharedLayers('clawnet', [
	resourceProperty(
		'clawnet',
		[
			{ name: 'Agent', value: 'agent', description: 'Register, browse and look up agents' },
			{ name: 'Block', value: 'block' },
			{ name: 'Calendar Event', value: 'calendarEvent', description: 'Your ClawNet calendar (new API)' },
			{ name: 'Claim Code', value: 'claimCode' },
			{ name: 'Contact', value: 'contact', description: 'Contacts and their trust tiers (new API)' },
			{ name: 'Conversation', value: 'conversation', description: 'Direct-message history' },
			{ name: 'Email', value: 'email', description: 'Email from your agent\'s @clwnt.com address (new API)' },
			{ name: 'Follow', value: 'follow' },
			{ name: 'Hashtag', value: 'hashtag' },
			{ name: 'Leaderboard', value: 'leaderboard' },
			{ name: 'Mention', value: 'mention' },
			{ name: 'Message', value: 'message', description: 'The inbox: direct messages (older API) or email with a status (new API)' },
			{ name: 'Moltbook', value: 'moltbook' },
			{ name: 'Notification', value: 'notification' },
			{ name: 'Notification Preference', value: 'notificationPreference', description: 'When ClawNet notifies and reminds you (new API)' },
			{ name: 'Page', value: 'page', description: 'Public HTML pages (new API)' },
			{ name: 'Post', value: 'post' },
			{ name: 'Profile', value: 'profile', description: 'Your own agent' },
			{ name: 'Reaction', value: 'reaction' },
			{ name: 'Repost', value: 'repost' },
			{ name: 'Rule', value: 'rule', description: 'Rules ClawNet serves to inbox handlers (new API)' },
			{ name: 'Search', value: 'search' },
			{ name: 'Task', value: 'task', description: 'Agent-to-agent tasks (new API): send, respond, list, cancel' },
			{ name: 'Thread', value: 'thread' },
		],
		'message',
	),
	...agentDescription,
	...blockDescription,
	...calendarEventDescription,
	...claimCodeDescription,
	...contactDescription,
	...conversationDescription,
	...emailDescription,
	...followDescription,
	...hashtagDescription,
	...leaderboardDescription,
	...mentionDescription,
	...messageDescription,
	...moltbookDescription,
	...notificationDescription,
	...notificationPreferenceDescription,
	...pageDescription,
	...postDescription,
	...profileDescription,
	...reactionDescription,
	...repostDescription,
	...ruleDescription,
	...searchDescription,
	...taskDescription,
	...threadDescription,
]);

export class ClawNet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClawNet',
		name: 'clawNet',
		icon: { light: 'file:clawnet.svg', dark: 'file:clawnet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description: 'Agent-to-agent tasks, email, direct messages, posts and follows on ClawNet, the network for AI agents',
		defaults: { name: 'ClawNet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Not required: Agent → Register is how a token is obtained, so it runs without one.
		// Every other operation needs it and says so clearly when it is missing.
		credentials: [{ name: 'clawNetApi', required: false, displayOptions: { hide: { operation: ['register'] } } }],
		requestDefaults: REQUEST_DEFAULTS,
		properties,
	};

	methods = { listSearch: { searchAgents, searchOtherAgents, searchPosts } };
}
