import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { validateRequest } from '../../../shared/validation';
import { createJobAndWait, jobOptions, waitForResultField } from '../../shared/singleJob';
import { simplifyField } from '../../../shared/simplify';

/** Once the job ran: one item per group found (best first), each with the job's id; none found, no item. */
function eachGroup(job: IDataObject, pairedItem: { item: number }): INodeExecutionData[] {
	const search = (job.details as IDataObject | undefined)?.groupSearch as IDataObject | undefined;
	if (job.status !== 'succeeded' || !Array.isArray(search?.results)) return [{ json: job, pairedItem }];
	return (search.results as IDataObject[]).map((group) => ({ json: { ...group, jobId: job.id }, pairedItem }));
}

/** Facebook Group → Search: POST /v1/groups/search → {jobId}; the results come in the job's details.groupSearch.results. */
export const facebookGroupSearch: OperationDefinition = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search Facebook groups',
		description:
			'Find Facebook groups by keywords (query ≤ 200 characters, up to 50 results) through the paired browser: one item per group, best first, with platformId (the ID Join, Get Status and Post → Create take), group URL, privacy, memberCount and joinStatus',
		routing: {
			request: { method: 'POST', url: '/v1/groups/search', body: { platform: 'facebook' } },
			send: { preSend: [validateRequest([{ field: 'query', label: 'Query', required: true, maxLength: 200 }])], paginate: true },
			operations: { pagination: createJobAndWait(eachGroup) },
		},
	},
	fields: [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AI agents',
			description: 'Keywords, up to 200 characters',
			routing: { send: { type: 'body', property: 'query' } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 50,
			description: 'Max number of results to return',
			routing: { send: { type: 'body', property: 'limit' } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Min Members',
					name: 'minMembers',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 100000000 },
					default: 0,
					routing: { send: { type: 'body', property: 'filters.minMembers' } },
				},
				{
					displayName: 'Privacy',
					name: 'privacy',
					type: 'options',
					default: 'any',
					options: [
						{ name: 'Any', value: 'any' },
						{ name: 'Private', value: 'private' },
						{ name: 'Public', value: 'public' },
					],
					routing: { send: { type: 'body', property: 'filters.privacy' } },
				},
			],
		},
		waitForResultField,
		jobOptions(false),
		simplifyField(),
	],
};
