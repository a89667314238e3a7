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
import { maxWaitMs } from '../../shared/descriptions';
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

/** A 53-bit hash (cyrb53) of a text, as 11 base-36 digits: not a secret, just a short fingerprint. */
function hashText(text: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

function hashBytes(bytes: Uint8Array): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < bytes.length; i++) {
		h1 = Math.imul(h1 ^ bytes[i], 2654435761);
		h2 = Math.imul(h2 ^ bytes[i], 1597334677);
	}
	return hashText(`${h1}:${h2}:${bytes.length}`);
}

/**
 * The automatic idempotency key of an item's post (the platform and its target are added per
 * job): where it runs — the n8n instance (a second n8n, or a fresh database that counts
 * executions from 1 again, must not get the first one's jobs back), the workflow, the execution,
 * the node and the item — and what it posts (text and media). So n8n's Retry On Fail, or an
 * agent calling the tool again with the same post, gets the same job, while a different post in
 * the same run (an AI Agent calls a tool as item 0 every time) is a new job.
 */
export function automaticKey(ctx: IExecuteSingleFunctions, text: string, media: string[]): string {
	let instance = '';
	try {
		instance = ctx.getInstanceId() ?? '';
	} catch {
		instance = '';
	}
	const where = [
		instance ? hashText(instance) : 'instance',
		ctx.getWorkflow().id ?? 'workflow',
		ctx.getExecutionId() ?? 'run',
		ctx.getNode().id,
		ctx.getItemIndex(),
	].join(':');
	// Keep within Claw Post's 255 characters whatever the ids look like.
	const place = where.length > 120 ? hashText(where) + hashText(where, 1) : where;
	return `n8n:${place}:${hashText(JSON.stringify([text, media]))}`;
}

/** The job a 409 idempotency conflict names ("… already used for job <uuid> …"), if any. */
function conflictingJobId(error: unknown): string | undefined {
	const e = error as { httpCode?: unknown; message?: unknown; description?: unknown };
	if (String(e?.httpCode ?? '') !== '409') return undefined;
	if (!/IDEMPOTENCY|idempotency/.test(`${String(e.message ?? '')} ${String(e.description ?? '')}`)) return undefined;
	return /\bjob ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i.exec(String(e.message ?? ''))?.[1];
}

/** How many times a key whose job failed is followed by a new generation (`:r1`, `:r2`, …) before giving up. */
const MAX_GENERATIONS = 20;

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

	const ready: IDataObject = {
		text: body.text,
		mediaPaths: [...uploaded, ...urls],
		__platforms: platforms,
	};
	if (group) ready.platformPayload = /^https?:\/\//i.test(group) ? { groupUrl: group } : { groupId: group };
	const custom = String(body.__idempotencyKey ?? '').trim();
	if (custom) {
		ready.idempotencyKey = custom;
	} else {
		// The media's identity, not its upload URL: a retry uploads again and gets a new URL.
		const media = [...files.map((f) => `${f.mimeType}:${f.fileName ?? ''}:${f.buffer.length}:${hashBytes(f.buffer)}`), ...urls];
		ready.idempotencyKey = automaticKey(this, body.text, media);
		ready.__automaticKey = true;
	}
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
	const maxWait = maxWaitMs(options.maxWaitSeconds, 120);
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
				description: 'The job may still publish: check it later with Job → Get (for longer waits: a Wait node, then Job → Get). Is the paired browser open?',
			},
		);
	}
	return current;
}

/**
 * Sends one job request under an idempotency key. Claw Post answers a key it knows with its job as
 * it is now, a failed one included. A failed job is never the answer to a retry (the user retries
 * after fixing the cause): the key's next generation (`:r1`, `:r2`, …) posts again, and a retry of
 * that one returns its job in turn. Used by Post → Create and by the single jobs (Reddit → Comment).
 */
export async function createJob(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	body: IDataObject,
	key: string,
	automatic: boolean,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [];
	for (let generation = 0; generation <= MAX_GENERATIONS; generation++) {
		const attempt = { ...body, idempotencyKey: generation === 0 ? key : `${key}:r${generation}` };
		let answer: INodeExecutionData[] | undefined;
		let failure: unknown;
		try {
			answer = await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, body: attempt } });
		} catch (error) {
			failure = error;
		}
		if (!answer) {
			// The automatic key already stands for what is posted (text, media bytes, target,
			// platform): a conflict means only the media's upload URLs differ (a retry uploaded them
			// again). That job is the answer, when Claw Post names it. Anything else is the error as it was.
			const existing = automatic ? conflictingJobId(failure) : undefined;
			if (!existing) throw failure;
			answer = [{ json: (await apiRequest.call(this, 'clawpost', 'GET', `/v1/jobs/${encodeURIComponent(existing)}`, { itemIndex: this.getItemIndex() })) as IDataObject }];
		}
		items = answer;
		if (items.length !== 1 || items[0].json.status !== 'failed') break;
	}
	return items;
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
		const jobBody: IDataObject = { ...body, platform };
		delete jobBody.__platforms;
		delete jobBody.__automaticKey;
		if (platform !== 'facebook') delete jobBody.platformPayload;
		// The target is part of what is posted: a group post and a feed post are different posts.
		const target = jobBody.platformPayload ? `:${hashText(JSON.stringify(jobBody.platformPayload))}` : '';
		const key = `${String(body.idempotencyKey)}${body.__automaticKey ? target : ''}:${platform}`;
		jobs.push(...(await createJob.call(this, requestData, jobBody, key, body.__automaticKey === true)).map((item) => item.json));
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const result = options.waitForResult === true ? await waitForJobs.call(this, jobs) : jobs;
	return result.map((json) => ({ json }));
}
