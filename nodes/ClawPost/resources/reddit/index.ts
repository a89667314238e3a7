import { resourceOperations } from '../../../shared/descriptions';
import { redditComment } from './comment';

export const redditDescription = resourceOperations('reddit', [redditComment], 'comment');
