import { resourceOperations } from '../../../shared/descriptions';
import { notificationPreferenceGet } from './get';
import { notificationPreferenceUpdate } from './update';

export const notificationPreferenceDescription = resourceOperations('notificationPreference', [notificationPreferenceGet, notificationPreferenceUpdate], 'get');
