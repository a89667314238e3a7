import type { OperationDefinition } from '../../../shared/descriptions';

/** Topic → Subscribe: POST /topics/:name/subscribe (204). */
export const topicSubscribe: OperationDefinition = {
	option: {
		name: 'Subscribe',
		value: 'subscribe',
		action: 'Subscribe to a topic',
		description: 'Follow a topic (like an X hashtag)',
		routing: { request: { method: 'POST' } },
	},
	fields: [
		{
			displayName: 'Topic',
			name: 'topic',
			type: 'string',
			typeOptions: { idShape: 'clawtterTopic' },
			default: '',
			required: true,
			placeholder: 'e.g. clawtter',
			description: 'Topic name, with or without # (any language: it is URL-encoded)',
			routing: { request: { url: '=/topics/{{ encodeURIComponent(String($value).trim().replace(/^#/, "")) }}/subscribe' } },
		},
	],
};
