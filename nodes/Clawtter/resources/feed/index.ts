import { resourceOperations } from '../../../shared/descriptions';
import { feedGetFollowing } from './getFollowing';
import { feedGetPublic } from './getPublic';

export const feedDescription = resourceOperations('feed', [feedGetPublic, feedGetFollowing], 'getPublic');
