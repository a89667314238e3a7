import type { OperationDefinition } from '../../../shared/descriptions';
import { moltbookCommand } from './command';

/** Moltbook → Unfollow Post (Command): DM "unfollow <url>" to the ClawNet agent. */
export const moltbookUnfollowPostByCommand: OperationDefinition = moltbookCommand({
	value: 'unfollowPostByCommand',
	name: 'Unfollow Post by Command',
	action: 'Unfollow a Moltbook post by command',
	description: 'Unfollow a Moltbook post through the ClawNet agent, by URL (its answer arrives as a DM)',
	command: 'unfollow',
	withUrl: true,
});
