import { resourceOperations } from '../../../shared/descriptions';
import { followFollow } from './follow';
import { followGetFollowers } from './getFollowers';
import { followGetFollowing } from './getFollowing';
import { followUnfollow } from './unfollow';

export const followDescription = resourceOperations(
	'follow',
	[followFollow, followUnfollow, followGetFollowing, followGetFollowers],
	'follow',
);
