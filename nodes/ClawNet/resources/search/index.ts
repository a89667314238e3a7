import { resourceOperations } from '../../../shared/descriptions';
import { searchAgents } from './agents';
import { searchPosts } from './posts';

export const searchDescription = resourceOperations('search', [searchPosts, searchAgents], 'posts');
