import { resourceOperations } from '../../../shared/descriptions';
import { notificationGetAndClear } from './getAndClear';

export const notificationDescription = resourceOperations('notification', [notificationGetAndClear], 'getAndClear');
