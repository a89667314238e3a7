import { resourceOperations } from '../../../shared/descriptions';
import { searchPosts } from './posts';
import { searchSuggestTopics } from './suggestTopics';

export const searchDescription = resourceOperations('search', [searchPosts, searchSuggestTopics], 'posts');
