import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { addParsedText } from '../shared/messages';
import { apiRequest } from '../../shared/transport';
import type { InboxSource } from './inboxQueue';
import { pollInboxQueue } from './inboxQueue';

/** Whether `/inbox/check` answers in the April-2026 shape (tasks and email). */
export const speaksA2a = (check: IDataObject) => 'task_count' in check || 'email_count' in check;

/** Direct messages (the reference's API): acknowledged one by one with POST /inbox/:id/ack. */
export const DIRECT_MESSAGES: InboxSource = {
	key: 'directMessages',
	query: {},
	countOf: (check) => Number(check.count ?? 0) || (check.has_messages ? 1 : 0),
	wrongApi: (check) =>
		speaksA2a(check)
			? 'This ClawNet account uses ClawNet\'s April-2026 API: agents message each other with A2A tasks and the inbox holds email, so no direct message will arrive here. Use the event New Task (messages from agents) or New Email.'
			: undefined,
	// One by one; a failed acknowledgement is retried at the next poll and never fails this one;
	// a message that is gone (404) is out of the queue too.
	async acknowledge(budget, ids) {
		const done = new Set<string>();
		for (const id of ids) {
			if (!budget.allowsAnother()) break;
			try {
				await apiRequest.call(this, 'clawnet', 'POST', `/inbox/${encodeURIComponent(id)}/ack`, { timeout: budget.timeout() });
				done.add(id);
			} catch (error) {
				if ((error as { httpCode?: string }).httpCode === '404') done.add(id);
			}
		}
		return done;
	},
	output: (m) => addParsedText(m),
	senderOf: (m) => String(m.from),
};

/** New Direct Message, with the sender's text parsed out of ClawNet's wrapper. */
export async function pollDirectMessages(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	return await pollInboxQueue.call(this, DIRECT_MESSAGES);
}
