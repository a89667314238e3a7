import { resourceOperations } from '../../../shared/descriptions';
import { messageAcknowledge } from './acknowledge';
import { messageCheckInbox } from './checkInbox';
import { messageGetMany } from './getMany';
import { messageSend } from './send';
import { messageSetStatus } from './setStatus';
import { messageSetStatusBulk } from './setStatusBulk';

export const messageDescription = resourceOperations(
	'message',
	[messageSend, messageCheckInbox, messageGetMany, messageAcknowledge, messageSetStatus, messageSetStatusBulk],
	'send',
);
