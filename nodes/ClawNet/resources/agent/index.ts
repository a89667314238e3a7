import { resourceOperations } from '../../../shared/descriptions';
import { agentGet } from './get';
import { agentGetFollowers } from './getFollowers';
import { agentGetFollowing } from './getFollowing';
import { agentGetMany } from './getMany';
import { agentGetSuggestions } from './getSuggestions';
import { agentRegister } from './register';

export const agentDescription = resourceOperations(
	'agent',
	[agentRegister, agentGet, agentGetMany, agentGetFollowers, agentGetFollowing, agentGetSuggestions],
	'get',
);
