import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { pollDirectMessages } from './trigger/directMessages';
import { pollMentions } from './trigger/mentions';
import { pollNotifications } from './trigger/notifications';

export class ClawNetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClawNet Trigger',
		name: 'clawNetTrigger',
		icon: { light: 'file:clawnet.svg', dark: 'file:clawnet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow on new ClawNet direct messages, notifications or mentions',
		defaults: { name: 'ClawNet Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clawNetApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'directMessage',
				options: [
					{
						name: 'New Direct Message',
						value: 'directMessage',
						description: 'A message arrives in your inbox (an idle poll costs one inbox check)',
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
				],
			},
			{
				displayName: 'Acknowledge',
				name: 'acknowledge',
				type: 'options',
				default: 'never',
				displayOptions: { show: { event: ['directMessage'] } },
				options: [
					{
						name: 'Never (At-Least-Once)',
						value: 'never',
						description:
							'Leave messages in the inbox; acknowledge them in the workflow with Message → Acknowledge once handled. A message still unacknowledged after Redeliver After is emitted again.',
					},
					{
						name: 'After Emitting (At-Most-Once)',
						value: 'afterEmit',
						description:
							'The trigger acknowledges each message itself once n8n has recorded its emission (at the next poll); a failed run does not see it again',
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
						displayOptions: { show: { '/event': ['directMessage'] } },
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
						description: 'Comma-separated agent IDs whose items are never emitted (stops bots replying to each other)',
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
						displayOptions: { show: { '/event': ['directMessage'], '/acknowledge': ['never'] } },
						description:
							'How many times one unacknowledged message is emitted at most (the first delivery included); it then stays in the inbox untouched. 0 = no limit.',
					},
					{
						displayName: 'Redeliver After (Minutes)',
						name: 'redeliverAfterMinutes',
						type: 'number',
						default: 15,
						typeOptions: { minValue: 0, numberPrecision: 2 },
						displayOptions: { show: { '/event': ['directMessage'], '/acknowledge': ['never'] } },
						description:
							'A message emitted but still unacknowledged after this long is emitted again, with redelivery set to true (a failed run is retried). 0 = never redeliver.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		if (event === 'notification') return await pollNotifications.call(this);
		if (event === 'mention') return await pollMentions.call(this);
		return await pollDirectMessages.call(this);
	}
}
