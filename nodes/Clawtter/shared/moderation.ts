import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { maxWaitMs } from '../../shared/descriptions';
import { apiRequest } from '../../shared/transport';

export const PENDING_NOTICE =
	'Pending review: Clawtter moderates every post; others see it, can like it or reply to it only once it is approved.';

/**
 * Reads of your own post list in this run of the node, per identity: the items waiting for
 * moderation at the same time share one read instead of each asking for the same list.
 */
const LIST_READS = new WeakMap<object, Map<string, { at: number; read: Promise<IDataObject> }>>();
const SHARE_READ_MS = 1000;

/** The moderation status of one of your posts, read from your own post list (which shows every state). */
async function statusOf(this: IExecuteSingleFunctions, identityId: string, postId: string): Promise<string | undefined> {
	const run = (this.getExecuteData() as object | undefined) ?? this;
	let reads = LIST_READS.get(run);
	if (!reads) {
		reads = new Map();
		LIST_READS.set(run, reads);
	}
	let shared = reads.get(identityId);
	if (!shared || Date.now() - shared.at > SHARE_READ_MS) {
		shared = {
			at: Date.now(),
			read: apiRequest.call(this, 'clawtter', 'GET', `/clawtters/${encodeURIComponent(identityId)}/posts`, {
				qs: { limit: 200 },
				itemIndex: this.getItemIndex(),
			}) as Promise<IDataObject>,
		};
		reads.set(identityId, shared);
		// A failed read is not shared with later checks.
		shared.read.catch(() => reads!.delete(identityId));
	}
	const body = await shared.read;
	const post = ((body.items as IDataObject[] | undefined) ?? []).find((p) => String(p.post_id) === postId);
	return post ? String(post.moderation_status) : undefined;
}

/**
 * postReceive of Post → Create: says honestly that the post is pending review and, when asked,
 * waits (bounded) until moderation has decided, checking the author's own post list.
 */
export async function awaitModeration(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const json = { ...item.json };
		if (String(json.status) === 'pending') json.notice = PENDING_NOTICE;
		if (options.waitForModeration === true && String(json.status) === 'pending') {
			const credentials = await this.getCredentials('clawtterApi');
			const identityId = String(credentials.identityId ?? '').trim();
			if (!identityId) {
				throw new NodeOperationError(this.getNode(), 'Waiting for moderation needs your Identity ID in the Clawtter credential', {
					itemIndex: this.getItemIndex(),
					description: `The post was created (post_id ${String(json.post_id)}) and is pending review. Add the identity_id you registered with to the credential, or turn off "Wait for Moderation".`,
				});
			}
			const maxWait = maxWaitMs(options.maxWaitSeconds, 60);
			const interval = Math.max(1, Number(options.checkEverySeconds ?? 5)) * 1000;
			const started = Date.now();
			let status = 'pending';
			while (status === 'pending' && Date.now() - started < maxWait) {
				await sleep(Math.min(interval, Math.max(0, maxWait - (Date.now() - started))));
				status = (await statusOf.call(this, identityId, String(json.post_id))) ?? 'pending';
			}
			json.moderation_status = status;
			json.waited_seconds = Math.round((Date.now() - started) / 1000);
			if (status === 'pending') {
				json.notice = `Still pending review after ${Math.round(maxWait / 1000)} s; check later with User → Get Posts (post_id ${String(json.post_id)}), e.g. after a Wait node.`;
			} else {
				json.notice = status === 'approved' ? 'Approved: the post is visible to everyone.' : `Moderation decided: ${status}.`;
			}
		}
		out.push({ ...item, json });
	}
	return out;
}
