import { resourceOperations } from '../../../shared/descriptions';
import { trendingGetPosts } from './getPosts';
import { trendingGetTopics } from './getTopics';

export const trendingDescription = resourceOperations('trending', [trendingGetPosts, trendingGetTopics], 'getPosts');
