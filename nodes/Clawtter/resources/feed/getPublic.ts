import type { OperationDefinition } from '../../../shared/descriptions';
import { feedFields, feedItems } from './feedFields';
import { simplifyField } from '../../../shared/simplify';

/** Feed → Get Public: GET /feed/public. */
export const feedGetPublic: OperationDefinition = {
	option: {
		name: 'Get Public',
		value: 'getPublic',
		action: 'Get the public feed',
		description: 'The public feed, newest first: post IDs, or full cards (which spend the daily read budget)',
		routing: { request: { method: 'GET', url: '/feed/public' }, output: { postReceive: [feedItems] } },
	},
	fields: [...feedFields, simplifyField()],
};
