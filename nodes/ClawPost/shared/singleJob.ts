import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { waitOptions } from '../../shared/descriptions';
import { redactSecrets } from '../../shared/errors';
import { ID_SHAPES } from '../../shared/validation';
import { createJob, waitForJobs } from './jobs';

/**
 * The jobs other than posts (a Reddit comment, a Facebook group search, join or status check):
 * one request makes one job; with Wait for Result the node polls it the way Post → Create does
 * (the same wait code), until it succeeded or failed (an error with the errorCode and the remedy).
 * A job sent under an idempotency key (Reddit → Comment) is created the way Post → Create creates
 * its own: a failed job is never the answer to a retry.
 */
export function createJobAndWait(shape: (job: IDataObject, pairedItem: { item: number }) => INodeExecutionData[] = (json, pairedItem) => [{ json, pairedItem }]) {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		const body = requestData.options.body as IDataObject | undefined;
		let items: INodeExecutionData[];
		if (typeof body?.idempotencyKey === 'string') {
			const { __automaticKey: automatic, ...jobBody } = body;
			items = await createJob.call(this, requestData, jobBody, body.idempotencyKey, automatic === true);
		} else {
			items = await this.makeRoutingRequest(requestData);
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const wait = options.waitForResult === true || this.getNodeParameter('waitForResult', false) === true;
		const out: INodeExecutionData[] = [];
		for (const item of items) {
			// A search answers only {jobId}: the job is what is followed.
			const created = item.json.jobId !== undefined && item.json.id === undefined ? { id: item.json.jobId, jobId: item.json.jobId, status: 'queued', platform: 'facebook' } : item.json;
			if (typeof created.id !== 'string' || !ID_SHAPES.clawpostJob.pattern.test(created.id)) {
				throw new NodeOperationError(this.getNode(), 'Claw Post\'s answer has no job ID: it is not the documented shape', {
					itemIndex: this.getItemIndex(),
					description: `Answer received: ${redactSecrets(JSON.stringify(item.json) ?? '').slice(0, 200)}. The job may have been created all the same: check the paired browser and Claw Post's dashboard before retrying.`,
				});
			}
			const [job] = wait ? await waitForJobs.call(this as unknown as IExecuteSingleFunctions, [created]) : [created];
			out.push(...shape(job, (item.pairedItem as { item: number }) ?? { item: this.getItemIndex() }));
		}
		return out;
	};
}

/** Wait for Result of the group operations: on by default, since the answer is what they are for. */
export const waitForResultField: INodeProperties = {
	displayName: 'Wait for Result',
	name: 'waitForResult',
	type: 'boolean',
	default: true,
	description: 'Whether to wait until the job has run in the paired browser and output its result (otherwise the queued job; check it later with Job → Get)',
};

/** Options of a job operation: Check Every / Max Wait, and Wait for Result itself where it is an option (Reddit → Comment, as Post → Create). */
export function jobOptions(waitIsOption: boolean, extra: INodeProperties[] = []): INodeProperties {
	const intervals = waitOptions('waitForResult', 120, 3600, 'How often to check the job while waiting (Claw Post suggests 5–10 s)').map((o) => {
		if (waitIsOption) return o;
		const rest = { ...o };
		delete rest.displayOptions;
		return rest;
	});
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...extra,
			...intervals,
			...(waitIsOption
				? [
						{
							displayName: 'Wait for Result',
							name: 'waitForResult',
							type: 'boolean' as const,
							default: false,
							description: 'Whether to wait until the job has succeeded (output includes the live postUrl) or failed (an error with the errorCode and what to do)',
						},
					]
				: []),
		],
	};
}
