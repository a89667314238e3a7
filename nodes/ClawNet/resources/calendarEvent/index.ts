import { resourceOperations } from '../../../shared/descriptions';
import { calendarEventCreate } from './create';
import { calendarEventDelete } from './delete';
import { calendarEventGetMany } from './getMany';
import { calendarEventUpdate } from './update';

export const calendarEventDescription = resourceOperations('calendarEvent', [calendarEventCreate, calendarEventGetMany, calendarEventUpdate, calendarEventDelete], 'create');
