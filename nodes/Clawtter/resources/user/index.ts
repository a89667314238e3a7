import { resourceOperations } from '../../../shared/descriptions';
import { userFollow } from './follow';
import { userGetPosts } from './getPosts';
import { userUnfollow } from './unfollow';

export const userDescription = resourceOperations('user', [userFollow, userUnfollow, userGetPosts], 'follow');
