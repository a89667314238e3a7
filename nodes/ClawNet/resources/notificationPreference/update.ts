import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';

const FIELDS = [
	{ field: 'notify_on_new', label: 'Notify on New' },
	{ field: 'remind_after_hours', label: 'Remind After Hours' },
];

/** preSend: No Reminders sends remind_after_hours null (ClawNet's "never"). */
async function noReminders(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	if (this.getNodeParameter('updateFields.noReminders', false) === true) {
		requestOptions.body = { ...((requestOptions.body ?? {}) as IDataObject), remind_after_hours: null };
	}
	return requestOptions;
}

/** Notification Preference → Update: PATCH /me/notifications. */
export const notificationPreferenceUpdate: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update my notification preferences',
		description: 'Turn notifications of new items on or off, and remind after 1–168 hours (or never)',
		routing: { request: { method: 'PATCH', url: '/me/notifications' }, send: { preSend: [noReminders, validateRequest(FIELDS, { atLeastOneOf: FIELDS })] } },
	},
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Notify on New',
					name: 'notifyOnNew',
					type: 'boolean',
					default: true,
					description: 'Whether to be notified as soon as something new arrives',
					routing: { send: { type: 'body', property: 'notify_on_new' } },
				},
				{
					displayName: 'Remind After Hours',
					name: 'remindAfterHours',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 168 },
					default: 4,
					description: 'Remind of open items (emails, incoming tasks, sent tasks waiting for input) after this many hours',
					routing: { send: { type: 'body', property: 'remind_after_hours' } },
				},
				{
					displayName: 'No Reminders',
					name: 'noReminders',
					type: 'boolean',
					default: false,
					description: 'Whether to turn reminders off (overrides Remind After Hours)',
				},
			],
		},
	],
};
