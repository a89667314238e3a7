import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { describeValue, refuse } from '../../../shared/validation';
import { automaticKey } from '../../shared/jobs';
import { createJobAndWait, jobOptions } from '../../shared/singleJob';

/** A Reddit post or comment permalink: a reddit.com URL whose path has /r/<sub>/comments/ (SKILL-2.x §1b). */
const REDDIT_PERMALINK = /^https:\/\/([a-z0-9-]+\.)?reddit\.com\/r\/[A-Za-z0-9_]{1,50}\/comments\/[A-Za-z0-9]+(\/[^\s?#]*)?(\?[^\s#]*)?$/;

/**
 * preSend of Reddit → Comment: the target must be a Reddit permalink, and the job carries an
 * idempotency key. The default key is made the way Post → Create makes its own (the n8n
 * instance, workflow, execution, node and item, and what is posted: the text and the target), so
 * Retry On Fail of the same item returns the same job, while a second, different comment in the
 * same run (an AI Agent calls a tool as item 0 every time) is a new job.
 */
async function prepareComment(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const target = String(body.targetUrl ?? '').trim();
	if (!REDDIT_PERMALINK.test(target)) {
		throw refuse(this, 'Claw Post', 'Target URL', 'targetUrl', `must be a Reddit post or comment permalink (https://www.reddit.com/r/SUBREDDIT/comments/…); it is ${describeValue(target)}`);
	}
	body.targetUrl = target;
	const key = String(body.idempotencyKey ?? '').trim();
	if (key) {
		body.idempotencyKey = key;
	} else {
		body.idempotencyKey = `${automaticKey(this, String(body.text ?? ''), [target])}:reddit`;
		body.__automaticKey = true;
	}
	requestOptions.body = body;
	return requestOptions;
}

/** Reddit → Comment: POST /v1/reddit/comment (a job; optionally waits for the comment's permalink). */
export const redditComment: OperationDefinition = {
	option: {
		name: 'Comment',
		value: 'comment',
		action: 'Comment on a Reddit post',
		description:
			'Comment on a Reddit post or reply to a comment through the paired browser: text up to 10,000 characters, target a https://www.reddit.com/r/SUBREDDIT/comments/… permalink; with Wait for Result the output has the comment\'s postUrl',
		routing: {
			request: { method: 'POST', url: '/v1/reddit/comment' },
			send: { preSend: [prepareComment], paginate: true },
			operations: { pagination: createJobAndWait() },
		},
	},
	fields: [
		{
			displayName: 'Target URL',
			name: 'targetUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://www.reddit.com/r/n8n/comments/1abcde/how_do_you_crosspost/',
			description: 'The permalink of the post (or comment) to answer',
			routing: { send: { type: 'body', property: 'targetUrl' } },
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'The comment, up to 10,000 characters',
			routing: { send: { type: 'body', property: 'text' } },
		},
		jobOptions(true, [
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description: 'Same key, same job: never a second comment. By default derived from the execution, node and item, so n8n\'s Retry On Fail never comments twice.',
				routing: { send: { type: 'body', property: 'idempotencyKey' } },
			},
		]),
	],
};
