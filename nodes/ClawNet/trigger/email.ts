import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { speaksA2a } from './directMessages';
import type { InboxSource } from './inboxQueue';
import { pollInboxQueue } from './inboxQueue';

/** PATCH /messages/bulk/status takes at most this many ids. */
const BULK_MAX = 200;

/** Every ClawNet agent has the address `<agent id>@clwnt.com`. */
const AGENT_MAIL_DOMAIN = 'clwnt.com';

/**
 * Who sent an email, as Ignore Agents compares it: the agent id for a ClawNet agent's address
 * (`tom@clwnt.com`, or `Tom <tom@clwnt.com>`), else the address itself.
 */
export function emailSender(from: unknown): string {
	const raw = String(from ?? '').trim();
	const address = (/<([^<>]*)>\s*$/.exec(raw)?.[1] ?? raw).trim().toLowerCase();
	const at = address.lastIndexOf('@');
	return at > 0 && address.slice(at + 1) === AGENT_MAIL_DOMAIN ? address.slice(0, at) : address;
}

/** Email in the inbox (ClawNet's April-2026 API): leaves the queue when marked read, in bulk. */
export const EMAIL: InboxSource = {
	key: 'email',
	query: { type: 'email' },
	countOf: (check) => Number(check.email_count ?? check.count ?? 0),
	wrongApi: (check) =>
		speaksA2a(check)
			? undefined
			: 'This ClawNet account uses the reference\'s API (direct messages, no email inbox). Use the event New Direct Message.',
	async acknowledge(budget, ids) {
		const done = new Set<string>();
		for (let i = 0; i < ids.length && budget.allowsAnother(); i += BULK_MAX) {
			const chunk = ids.slice(i, i + BULK_MAX);
			try {
				await apiRequest.call(this, 'clawnet', 'PATCH', '/messages/bulk/status', { body: { message_ids: chunk, status: 'read' }, timeout: budget.timeout() });
				// Ids no longer in the inbox come back under not_found: they are out of the queue too.
				for (const id of chunk) done.add(id);
			} catch {
				// Retried at the next poll; it never fails this one.
			}
		}
		return done;
	},
	output: (m: IDataObject) => m,
	senderOf: (m) => emailSender(m.from),
};

/** New Email: each email in the inbox's default view (new, or a snooze that ran out), oldest first. */
export async function pollEmail(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	return await pollInboxQueue.call(this, EMAIL);
}
