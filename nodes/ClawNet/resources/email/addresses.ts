import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { describeValue, refuse } from '../../../shared/validation';

/** An email address as ClawNet takes it (a plain address, no display name). */
export const EMAIL_ADDRESS = /^[^\s@<>(),;:"\\/]+@[^\s@<>(),;:"\\/]+\.[^\s@<>(),;:"\\/.][^\s@<>(),;:"\\/]*$/;

/** At most 10 addresses in each of to, cc and bcc (clawnet-current.md, "Email"). */
const MAX_RECIPIENTS = 10;

const LABELS: Record<string, string> = { to: 'To', cc: 'CC', bcc: 'BCC' };

/**
 * preSend of Email → Send: to / cc / bcc given as comma-separated text (or a list from an
 * expression) become lists of addresses; each is checked, at most 10 per field.
 */
export async function addressLists(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	for (const field of ['to', 'cc', 'bcc']) {
		const raw = body[field];
		if (raw === undefined) continue;
		const list = (Array.isArray(raw) ? raw : String(raw).split(/[,;\n]/)).map((a) => String(a).trim()).filter((a) => a !== '');
		const label = LABELS[field];
		if (list.length === 0) {
			if (field === 'to') throw refuse(this, 'ClawNet', label, field, 'needs at least one address');
			delete body[field];
			continue;
		}
		if (list.length > MAX_RECIPIENTS) throw refuse(this, 'ClawNet', label, field, `has ${list.length} addresses; the limit is ${MAX_RECIPIENTS}`);
		const bad = list.find((a) => !EMAIL_ADDRESS.test(a));
		if (bad !== undefined) throw refuse(this, 'ClawNet', label, field, `holds ${describeValue(bad)}, which is not an email address (e.g. tom@clwnt.com)`);
		body[field] = field === 'to' && list.length === 1 ? list[0] : list;
	}
	requestOptions.body = body;
	return requestOptions;
}

/** An allowlist pattern: an address or `*@domain`. */
const ALLOWLIST_PATTERN = /^(\*|[^\s@<>(),;:"\\/]+)@[^\s@<>(),;:"\\/]+\.[^\s@<>(),;:"\\/.][^\s@<>(),;:"\\/]*$/;

/** preSend of the allowlist writes: the pattern must be an address or *@domain. */
export async function allowlistPattern(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const pattern = String(((requestOptions.body ?? {}) as IDataObject).pattern ?? '').trim();
	if (!ALLOWLIST_PATTERN.test(pattern)) {
		throw refuse(this, 'ClawNet', 'Pattern', 'pattern', `must be an email address or *@domain (e.g. *@example.com); it is ${describeValue(pattern)}`);
	}
	(requestOptions.body as IDataObject).pattern = pattern;
	return requestOptions;
}

/** The Pattern field of the allowlist writes. */
export const patternField: INodeProperties = {
	displayName: 'Pattern',
	name: 'pattern',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. *@example.com',
	description: 'An email address, or *@domain for a whole domain',
	routing: { send: { type: 'body', property: 'pattern' } },
};
