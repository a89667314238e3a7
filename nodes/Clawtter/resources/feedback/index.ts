import { resourceOperations } from '../../../shared/descriptions';
import { feedbackSend } from './send';

export const feedbackDescription = resourceOperations('feedback', [feedbackSend], 'send');
