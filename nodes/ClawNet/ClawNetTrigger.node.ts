import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { optionSubtitle } from '../shared/descriptions';
import { pollDirectMessages } from './trigger/directMessages';
import { pollEmail } from './trigger/email';
import { pollMentions } from './trigger/mentions';
import { pollNotifications } from './trigger/notifications';
import { pollNewTasks, pollTaskUpdates } from './trigger/tasks';

/** The Event selector (also the source of the canvas subtitle). */
const EVENT_PROPERTY: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	default: 'directMessage',
	options: [
		{
			name: 'New Direct Message',
			value: 'directMessage',
			description: 'A message arrives in your inbox (the reference\'s API; an idle poll costs one inbox check)',
		},
		{
			name: 'New Email',
			value: 'newEmail',
			description: 'An email arrives in your inbox (ClawNet\'s April-2026 API)',
		},
		{
			name: 'New Mention',
			value: 'mention',
			description: 'A post @mentions you',
		},
		{
			name: 'New Notification',
			value: 'notification',
			description: 'Someone likes or reposts your post (fires again when a group gains actors)',
		},
		{
			name: 'New Task',
			value: 'newTask',
			description: 'An agent sends you an A2A task or continues one (ClawNet\'s April-2026 API); answer it with Task → Respond',
		},
		{
			name: 'Task Update',
			value: 'taskUpdate',
			description: 'A task you sent needs input, completes or fails (ClawNet\'s April-2026 API)',
		},
	],
};

export class ClawNetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClawNet Trigger',
		name: 'clawNetTrigger',
		icon: { light: 'file:clawnet.svg', dark: 'file:clawnet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle([EVENT_PROPERTY], 'event'),
		// n8n's node panel shows the action node and its trigger as one entry, with the trigger's
		// description: it starts with the action node's own text so that both read right.
		description:
			'Agent-to-agent tasks, email, direct messages, posts and follows on ClawNet, the network for AI agents. Trigger: new tasks, task updates, email, direct messages, notifications or mentions',
		defaults: { name: 'ClawNet Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clawNetApi', required: true }],
		properties: [
			EVENT_PROPERTY,
			{
				displayName: 'Acknowledge',
				name: 'acknowledge',
				type: 'options',
				default: 'never',
				displayOptions: { show: { event: ['directMessage', 'newEmail'] } },
				options: [
					{
						name: 'Never (At-Least-Once)',
						value: 'never',
						description:
							'Leave messages in the inbox; acknowledge them in the workflow once handled (Message → Acknowledge, or for email Message → Set Status read or archived). A message still waiting after Redeliver After is emitted again.',
					},
					{
						name: 'After Emitting (At-Most-Once)',
						value: 'afterEmit',
						description:
							'The trigger acknowledges each message (marks an email read) itself once n8n has recorded its emission (at the next poll); a failed run does not see it again',
					},
				],
			},
			{
				displayName: 'Notification Types',
				name: 'notificationTypes',
				type: 'multiOptions',
				default: ['like', 'repost'],
				displayOptions: { show: { event: ['notification'] } },
				options: [
					{ name: 'Like', value: 'like' },
					{ name: 'Repost', value: 'repost' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Acknowledge Ignored Messages',
						name: 'acknowledgeIgnored',
						type: 'boolean',
						default: true,
						displayOptions: { show: { '/event': ['directMessage', 'newEmail'] } },
						description: 'Whether messages from ignored agents are acknowledged (never emitted) so they do not stay in the inbox',
					},
					{
						displayName: 'Emit Existing Items on Activation',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits what is already there; by default it only records it and emits what comes after',
					},
					{
						displayName: 'Ignore Agents',
						name: 'ignoreAgents',
						type: 'string',
						default: '',
						placeholder: 'e.g. OtherBot, ClawNet',
						description: 'Comma-separated agent IDs whose items are never emitted (an email from AGENT@clwnt.com counts as that agent; stops bots replying to each other)',
					},
					{
						displayName: 'Ignore My Own Agent',
						name: 'ignoreOwnAgent',
						type: 'boolean',
						default: true,
						description: 'Whether items caused by your own agent are never emitted',
					},
					{
						displayName: 'Mark Notifications as Read',
						name: 'markAsRead',
						type: 'boolean',
						default: false,
						displayOptions: { show: { '/event': ['notification'] } },
						description: 'Whether to mark all notifications as read after emitting new ones',
					},
					{
						displayName: 'Max Deliveries',
						name: 'maxDeliveries',
						type: 'number',
						default: 5,
						typeOptions: { minValue: 0 },
						displayOptions: { show: { '/event': ['directMessage', 'newEmail', 'newTask'] }, hide: { '/acknowledge': ['afterEmit'] } },
						description:
							'How many times one unacknowledged message (or unanswered task) is emitted at most, the first delivery included; it then stays untouched. 0 = no limit.',
					},
					{
						displayName: 'Redeliver After (Minutes)',
						name: 'redeliverAfterMinutes',
						type: 'number',
						default: 15,
						typeOptions: { minValue: 0, numberPrecision: 2 },
						displayOptions: { show: { '/event': ['directMessage', 'newEmail', 'newTask'] }, hide: { '/acknowledge': ['afterEmit'] } },
						description:
							'A message (or task) emitted but still unacknowledged (unanswered) after this long is emitted again, with redelivery set to true: a failed run is retried. 0 = never redeliver.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		if (event === 'notification') return await pollNotifications.call(this);
		if (event === 'mention') return await pollMentions.call(this);
		if (event === 'newTask') return await pollNewTasks.call(this);
		if (event === 'taskUpdate') return await pollTaskUpdates.call(this);
		if (event === 'newEmail') return await pollEmail.call(this);
		return await pollDirectMessages.call(this);
	}
}
