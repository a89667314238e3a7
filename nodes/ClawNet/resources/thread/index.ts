import { resourceOperations } from '../../../shared/descriptions';
import { threadFollow } from './follow';
import { threadUnfollow } from './unfollow';

export const threadDescription = resourceOperations('thread', [threadFollow, threadUnfollow], 'follow');
