/** Reading a job result: from the extension's ack, or from a test through the control API. */
import { given, isHttpUrl, optionalInteger, optionalObject, optionalString } from './body';
import { invalid } from './errors';
import { FAILURE_CODES, JOB_PLATFORMS, isFailureCode, isJobPlatform } from './platforms';
import type { Outcome } from './state';
import { HOUR } from './state';

/**
 * `{status: "succeeded", postUrl}` or `{status: "failed", errorCode, error?, details?}`.
 * The extension must send the status and, on success, the postUrl; a test may omit both (the
 * status defaults to succeeded and the sandbox makes the live URL) and may add `delayMs` and
 * `platform` (for the simulated extension's queued outcomes).
 */
export function parseOutcome(body: Record<string, unknown>, from: 'extension' | 'control'): Outcome {
	const status = body.status ?? (from === 'control' ? (given(body, 'errorCode') ? 'failed' : 'succeeded') : undefined);
	if (status !== 'succeeded' && status !== 'failed') throw invalid('status must be "succeeded" or "failed"');
	const outcome: Outcome = { status };
	if (status === 'succeeded') {
		if (given(body, 'postUrl') || from === 'extension') {
			if (!isHttpUrl(body.postUrl)) throw invalid('postUrl must be the http(s) URL of the published post');
			outcome.postUrl = body.postUrl;
		}
	} else {
		if (!isFailureCode(body.errorCode)) throw invalid(`errorCode must be one of ${FAILURE_CODES.join(', ')}`);
		outcome.errorCode = body.errorCode;
		outcome.error = optionalString(body, 'error', { max: 2000 });
	}
	outcome.details = optionalObject(body, 'details');
	if (from === 'control') {
		outcome.delayMs = optionalInteger(body, 'delayMs', 0, 24 * HOUR);
		if (given(body, 'platform')) {
			if (!isJobPlatform(body.platform)) throw invalid(`platform must be one of ${JOB_PLATFORMS.join(', ')}`);
			outcome.platform = body.platform;
		}
	}
	for (const key of Object.keys(outcome) as Array<keyof Outcome>) if (outcome[key] === undefined) delete outcome[key];
	return outcome;
}
