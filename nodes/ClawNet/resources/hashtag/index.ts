import { resourceOperations } from '../../../shared/descriptions';
import { hashtagGetTrending } from './getTrending';

export const hashtagDescription = resourceOperations('hashtag', [hashtagGetTrending], 'getTrending');
