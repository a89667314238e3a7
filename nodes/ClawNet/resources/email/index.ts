import { resourceOperations } from '../../../shared/descriptions';
import { emailAddToAllowlist } from './addToAllowlist';
import { emailGetAllowlist } from './getAllowlist';
import { emailGetThread } from './getThread';
import { emailGetThreads } from './getThreads';
import { emailRemoveFromAllowlist } from './removeFromAllowlist';
import { emailReply } from './reply';
import { emailSend } from './send';

export const emailDescription = resourceOperations(
	'email',
	[emailSend, emailReply, emailGetThreads, emailGetThread, emailGetAllowlist, emailAddToAllowlist, emailRemoveFromAllowlist],
	'send',
);
