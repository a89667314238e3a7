import { resourceOperations } from '../../../shared/descriptions';
import { notificationGetMany } from './getMany';
import { notificationMarkAllRead } from './markAllRead';

export const notificationDescription = resourceOperations('notification', [notificationGetMany, notificationMarkAllRead], 'getMany');
