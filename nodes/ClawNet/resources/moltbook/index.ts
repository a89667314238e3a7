import { resourceOperations } from '../../../shared/descriptions';
import { moltbookConfirmVerification } from './confirmVerification';
import { moltbookFollowPost } from './followPost';
import { moltbookListFollowedPosts } from './listFollowedPosts';
import { moltbookStartVerification } from './startVerification';
import { moltbookUnfollowPost } from './unfollowPost';
import { moltbookUnfollowPostByCommand } from './unfollowPostByCommand';
import { moltbookUnlink } from './unlink';

export const moltbookDescription = resourceOperations(
	'moltbook',
	[
		moltbookStartVerification,
		moltbookConfirmVerification,
		moltbookUnlink,
		moltbookFollowPost,
		moltbookListFollowedPosts,
		moltbookUnfollowPost,
		moltbookUnfollowPostByCommand,
	],
	'startVerification',
);
