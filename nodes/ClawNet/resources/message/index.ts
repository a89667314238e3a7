import { resourceOperations } from '../../../shared/descriptions';
import { messageAcknowledge } from './acknowledge';
import { messageCheckInbox } from './checkInbox';
import { messageGetMany } from './getMany';
import { messageSend } from './send';

export const messageDescription = resourceOperations(
	'message',
	[messageSend, messageCheckInbox, messageGetMany, messageAcknowledge],
	'send',
);
