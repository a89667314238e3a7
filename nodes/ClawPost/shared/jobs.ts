import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { readBinaryProperties } from '../../shared/binary';
import { actionableMessage } from '../../shared/errors';
import { apiRequest } from '../../shared/transport';
import { DO_NOT_RETRY, FAILURE_REMEDIES } from './failures';
import { uploadFile } from './media';

export const PLATFORMS = ['x', 'linkedin', 'facebook', 'tiktok', 'instagram'] as const;
/** Platforms whose posts are media (a video or images): a job without media cannot succeed. */
export const MEDIA_REQUIRED = new Set(['tiktok', 'instagram']);

/** Temporary body fields the node's parameters fill; prepareJob turns them into the API's fields. */
interface DraftBody extends IDataObject {
	text?: string;
	__platforms?: string[] | string;
	__binaryProperties?: string;
	__mediaUrls?: string;
	__facebookGroup?: string;
	__idempotencyKey?: string;
}

function platformsOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return [...new Set(list.map((p) => String(p).trim().toLowerCase()).filter((p) => p !== ''))];
}

/**
 * preSend of Post → Create: checks everything before anything is sent (text, platforms, media
 * where the platform needs it), uploads binary media once for all platforms, and prepares the
 * Facebook group payload and the idempotency key.
 */
export async function prepareJob(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as DraftBody;
	const fail = (message: string, description?: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex(), description: description ?? 'Nothing was sent.' });

	if (typeof body.text !== 'string' || body.text.trim() === '') throw fail('Text (text) is required and cannot be empty');
	const platforms = platformsOf(body.__platforms);
	if (platforms.length === 0) throw fail('Choose at least one platform');
	const unknown = platforms.filter((p) => !(PLATFORMS as readonly string[]).includes(p));
	if (unknown.length) throw fail(`Unknown platform "${unknown[0]}"; it must be one of: ${PLATFORMS.join(', ')}`);

	const urls = String(body.__mediaUrls ?? '')
		.split(/[\n,]/)
		.map((u) => u.trim())
		.filter((u) => u !== '');
	for (const url of urls) {
		if (!/^https?:\/\/\S+$/i.test(url)) throw fail(`Media URL "${url.slice(0, 80)}" is not an http(s) URL`);
	}
	const files = await readBinaryProperties.call(this, String(body.__binaryProperties ?? ''));
	const needMedia = platforms.filter((p) => MEDIA_REQUIRED.has(p));
	if (needMedia.length && urls.length + files.length === 0) {
		throw fail(`${needMedia.join(' and ')} posts need media`, 'Add a binary property or a media URL: TikTok and Instagram publish videos and images, not text alone.');
	}
	const group = String(body.__facebookGroup ?? '').trim();
	if (group && !platforms.includes('facebook')) throw fail('A Facebook group is set but Facebook is not among the platforms');

	const uploaded: string[] = [];
	for (const file of files) uploaded.push(await uploadFile.call(this, file, platforms.length === 1 ? platforms[0] : undefined));

	const key =
		String(body.__idempotencyKey ?? '').trim() ||
		`n8n:${this.getWorkflow().id ?? 'workflow'}:${this.getExecutionId() ?? 'run'}:${this.getNode().id}:${this.getItemIndex()}`;
	const ready: IDataObject = {
		text: body.text,
		mediaPaths: [...uploaded, ...urls],
		idempotencyKey: key,
		__platforms: platforms,
	};
	if (group) ready.platformPayload = /^https?:\/\//i.test(group) ? { groupUrl: group } : { groupId: group };
	requestOptions.body = ready;
	return requestOptions;
}

/** The action part of a remedy ("…: open x.com and retry." → "Open x.com and retry."). */
function remedyStep(remedy: string): string {
	const action = remedy.includes(': ') ? remedy.slice(remedy.lastIndexOf(': ') + 2) : remedy;
	return action.charAt(0).toUpperCase() + action.slice(1);
}

/** Turns a failed job into the error a person can act on: code, the API's words, the remedy. */
export function jobFailure(this: IExecuteSingleFunctions, job: IDataObject): NodeApiError {
	const code = String(job.errorCode ?? 'unknown_error');
	const remedy = FAILURE_REMEDIES[code] ?? FAILURE_REMEDIES.unknown_error;
	const buttonState = (job.details as IDataObject | undefined)?.buttonState;
	return new NodeApiError(this.getNode(), { ...job, code } as JsonObject, {
		// The remedy goes into the message: n8n hands a model that called the node as a tool only the message.
		message: actionableMessage(
			`Claw Post job ${String(job.id)} on ${String(job.platform)} failed: ${String(job.error ?? code)}`,
			DO_NOT_RETRY.has(code) ? 'Retrying will not help until the user acts.' : remedyStep(remedy),
		),
		description: `errorCode ${code}. ${remedy}${buttonState ? ` Group button state: ${String(buttonState)}.` : ''}${DO_NOT_RETRY.has(code) ? ' Retrying will not help until the user acts.' : ''}`,
		itemIndex: this.getItemIndex(),
	});
}

/** Polls the jobs (GET /v1/jobs/:id) until each has succeeded or failed, or the wait ends. */
export async function waitForJobs(this: IExecuteSingleFunctions, jobs: IDataObject[]): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const maxWait = Math.max(1, Number(options.maxWaitSeconds ?? 120)) * 1000;
	const interval = Math.max(1, Number(options.checkEverySeconds ?? 5)) * 1000;
	const started = Date.now();
	const current = jobs.map((job) => ({ ...job }));
	const done = (job: IDataObject) => job.status === 'succeeded' || job.status === 'failed';
	while (!current.every(done) && Date.now() - started < maxWait) {
		await sleep(Math.min(interval, Math.max(0, maxWait - (Date.now() - started))));
		for (let i = 0; i < current.length; i++) {
			if (done(current[i])) continue;
			current[i] = (await apiRequest.call(this, 'clawpost', 'GET', `/v1/jobs/${encodeURIComponent(String(current[i].id))}`, {
				itemIndex: this.getItemIndex(),
			})) as IDataObject;
		}
	}
	const failed = current.find((job) => job.status === 'failed');
	if (failed) throw jobFailure.call(this, failed);
	const pending = current.filter((job) => !done(job));
	if (pending.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Claw Post job ${pending.map((job) => `${String(job.id)} (${String(job.platform)}, ${String(job.status)})`).join(', ')} not finished after ${Math.round(maxWait / 1000)} s`,
			{
				itemIndex: this.getItemIndex(),
				description: 'The job may still publish: check it later with Job → Get. Is the paired browser open?',
			},
		);
	}
	return current;
}

/**
 * Creates one job per chosen platform for the item (declarative routing allows several requests
 * per item only through its pagination hook), then optionally waits for all of them.
 */
export async function createJobsPerPlatform(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const body = requestData.options.body as IDataObject;
	const platforms = body.__platforms as string[];
	const jobs: IDataObject[] = [];
	for (const platform of platforms) {
		const jobBody: IDataObject = { ...body, platform, idempotencyKey: `${String(body.idempotencyKey)}:${platform}` };
		delete jobBody.__platforms;
		if (platform !== 'facebook') delete jobBody.platformPayload;
		const items = await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, body: jobBody } });
		jobs.push(...items.map((item) => item.json));
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const result = options.waitForResult === true ? await waitForJobs.call(this, jobs) : jobs;
	return result.map((json) => ({ json }));
}
