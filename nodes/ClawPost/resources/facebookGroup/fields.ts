import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/descriptions';

/** A Facebook group by its numeric ID, or by a facebook.com/groups/<number> URL. */
export const groupLocator: INodeProperties = locator({
	name: 'groupId',
	displayName: 'Group',
	idPlaceholder: 'e.g. 1577315533418837',
	shape: 'facebookGroup',
	url: {
		placeholder: 'e.g. https://www.facebook.com/groups/1577315533418837/',
		regex: 'facebook\\.com\\/groups\\/([0-9]{1,30})',
		errorMessage: 'Not a Facebook group URL with a numeric ID (https://www.facebook.com/groups/ then the numeric ID)',
	},
	routing: { send: { type: 'body', property: 'groupId', value: '={{ String($value).trim() }}' } },
	description: 'The group\'s numeric ID (Group → Search outputs it as platformId)',
});

/** A join or status job: the job, with its button state at the top. */
export function withButtonState(job: IDataObject, pairedItem: { item: number }): INodeExecutionData[] {
	const details = (job.details ?? {}) as IDataObject;
	return [{ json: { ...job, ...(details.buttonState !== undefined ? { buttonState: details.buttonState } : {}) }, pairedItem }];
}
