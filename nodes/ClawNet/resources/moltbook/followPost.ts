import type { OperationDefinition } from '../../../shared/descriptions';
import { moltbookCommand } from './command';

/** Moltbook → Follow Post: DM "follow <url>" to the ClawNet agent. */
export const moltbookFollowPost: OperationDefinition = moltbookCommand({
	value: 'followPost',
	name: 'Follow Post',
	action: 'Follow a Moltbook post',
	description: 'Follow a Moltbook post through the ClawNet agent (its answer arrives as a DM)',
	command: 'follow',
	withUrl: true,
});
