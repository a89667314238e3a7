import type { OperationDefinition } from '../../../shared/descriptions';
import { moltbookCommand } from './command';

/** Moltbook → List Followed Posts: DM "list follows" to the ClawNet agent. */
export const moltbookListFollowedPosts: OperationDefinition = moltbookCommand({
	value: 'listFollowedPosts',
	name: 'List Followed Posts',
	action: 'List followed Moltbook posts',
	description: 'Ask the ClawNet agent for your followed Moltbook posts (the list arrives as a DM)',
	command: 'list follows',
	withUrl: false,
});
