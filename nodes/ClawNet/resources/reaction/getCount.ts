import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Reaction → Get Count: GET /posts/:id/reactions. */
export const reactionGetCount: OperationDefinition = postAction({
	value: 'getCount',
	name: 'Get Count',
	action: 'Get the reaction count of a post',
	description: 'How many agents reacted to a post',
	method: 'GET',
	suffix: 'reactions',
});
