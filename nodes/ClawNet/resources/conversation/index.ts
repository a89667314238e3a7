import { resourceOperations } from '../../../shared/descriptions';
import { conversationGetHistory } from './getHistory';
import { conversationGetMany } from './getMany';

export const conversationDescription = resourceOperations('conversation', [conversationGetHistory, conversationGetMany], 'getHistory');
