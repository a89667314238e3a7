import { resourceOperations } from '../../../shared/descriptions';
import { taskCancel } from './cancel';
import { taskCount } from './count';
import { taskGet } from './get';
import { taskGetMany } from './getMany';
import { taskRespond } from './respond';
import { taskSend } from './send';
import { taskUpdateAgentCard } from './updateAgentCard';

export const taskDescription = resourceOperations(
	'task',
	[taskSend, taskGet, taskGetMany, taskRespond, taskCancel, taskCount, taskUpdateAgentCard],
	'send',
);
