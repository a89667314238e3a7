import { resourceOperations } from '../../../shared/descriptions';
import { topicSubscribe } from './subscribe';

export const topicDescription = resourceOperations('topic', [topicSubscribe], 'subscribe');
