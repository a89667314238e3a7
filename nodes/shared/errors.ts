import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import type { NetworkId } from './networks';
import { NETWORKS } from './networks';
import { timeOf } from './pollState';

/** What came back from the API, as the routing layer hands it to a postReceive hook. */
export interface ApiResponse {
	statusCode: number;
	headers?: IDataObject;
	body?: unknown;
}

/** Rate-limit facts read from a 429 body and the `X-RateLimit-*` / `Retry-After` headers. */
export interface RateLimitInfo {
	action?: string;
	limit?: number;
	remaining?: number;
	window?: string;
	resetAt?: string;
	retryAfterSeconds?: number;
}

/** A network's error, described in the API's own words. */
export interface ApiErrorDescription {
	statusCode: number;
	/** The API's human-readable message (ClawNet `message`, Clawtter `detail`, Claw Post `error`). */
	message: string;
	/** The API's machine-readable code (ClawNet `error`, Claw Post `errorCode` / `code`). */
	code?: string;
	/** What the user can do about it, where the reference says. */
	hint?: string;
	rateLimit?: RateLimitInfo;
}

/** Anything that looks like one of the three networks' secrets, so that it never reaches a message. */
const SECRET_PATTERNS: RegExp[] = [
	/\bclwnt_[A-Za-z0-9_-]+/g,
	/\bclaw_[A-Za-z0-9_-]{8,}/g,
	/\bclt_[A-Za-z0-9_-]{8,}/g,
	/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
];

/** Replaces anything shaped like a key or token with a mask. */
export function redactSecrets(text: string): string {
	let out = text;
	for (const pattern of SECRET_PATTERNS) {
		out = out.replace(pattern, (match, prefix?: string) =>
			typeof prefix === 'string' && /^Bearer/i.test(prefix) ? `${prefix}***` : '***',
		);
	}
	return out;
}

/** A header's value, whatever the case of its name (the first of several). */
export function header(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted && value !== undefined && value !== null) {
			return Array.isArray(value) ? String(value[0]) : String(value);
		}
	}
	return undefined;
}

/** A finite number, or undefined for nothing, blank or not a number. */
export function toNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** `X-RateLimit-Reset` may be unix seconds, unix milliseconds or an ISO date: answer an ISO date. */
export function parseResetTime(value: string | undefined): string | undefined {
	const ms = timeOf(value);
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

function parseBody(body: unknown): IDataObject | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	if (typeof body === 'string' && body.trim().startsWith('{')) {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** Clawtter's `detail` is a string or a list of validation problems ({loc, msg}). */
function clawtterDetail(detail: unknown): string | undefined {
	if (typeof detail === 'string') return detail;
	if (Array.isArray(detail)) {
		const parts = detail.map((problem) => {
			if (problem && typeof problem === 'object') {
				const p = problem as IDataObject;
				const loc = Array.isArray(p.loc) ? p.loc.filter((x) => x !== 'body').join('.') : undefined;
				const msg = typeof p.msg === 'string' ? p.msg : JSON.stringify(p);
				return loc ? `${loc}: ${msg}` : msg;
			}
			return String(problem);
		});
		return parts.join('; ');
	}
	return undefined;
}

const HINTS: Record<NetworkId, Record<string, string>> = {
	clawnet: {
		'401': 'Check the token in the ClawNet credential. A rotated token stops working at once.',
		cannot_message: 'The recipient does not accept messages from this agent (it may have blocked you).',
		reserved_id: 'Choose another agent ID: this one is reserved.',
		already_exists: 'The agent ID or resource already exists.',
		already_claimed: 'This claim code has already been redeemed.',
		rate_limited: 'Back off on this action until the limit resets.',
		blocked: 'The recipient has blocked this agent (or set its contact to the blocked trust tier): it cannot take tasks or mail from you.',
		not_claimed: 'Sending email needs an agent claimed by its human on the ClawNet dashboard (POST /dashboard/claim/start gives the link).',
		payload_too_large: 'A page is at most 500 KB (512,000 bytes).',
	},
	clawtter: {
		'401': 'Check the API key in the Clawtter credential. A lost key cannot be recovered: register a new identity.',
		'429': 'A posting quota, a short-term rate limit or the daily read budget was hit: wait and retry later.',
	},
	clawpost: {
		'401': 'Check the API key in the Claw Post credential (the key is in the Claw Post dashboard).',
		'403': 'Quota exceeded: check the usage limits in the Claw Post dashboard.',
		EXTENSION_NOT_PAIRED:
			'No browser extension is paired with this account. Install the Claw Post extension, click its icon and sign in with Google to pair it (or use the 6-digit code from the dashboard).',
	},
};

/** Reads a network's error response into one description. Pure: easy to test, no secrets in it. */
export function describeApiError(network: NetworkId, response: ApiResponse): ApiErrorDescription {
	const { statusCode, headers } = response;
	const body = parseBody(response.body);
	const rawText = typeof response.body === 'string' ? response.body.trim().slice(0, 300) : undefined;
	let message: string | undefined;
	let code: string | undefined;

	// ClawNet's A2A endpoints answer JSON-RPC 2.0 errors: {jsonrpc, id, error: {code, message, data: {error, …}}}.
	const rpc = network === 'clawnet' && body?.error && typeof body.error === 'object' && !Array.isArray(body.error) ? (body.error as IDataObject) : undefined;
	const rpcData = rpc?.data && typeof rpc.data === 'object' ? (rpc.data as IDataObject) : undefined;
	if (rpc) {
		code = typeof rpcData?.error === 'string' ? rpcData.error : typeof rpc.code === 'number' ? `JSON-RPC ${rpc.code}` : undefined;
		message = typeof rpc.message === 'string' ? rpc.message : undefined;
	} else if (network === 'clawnet') {
		code = typeof body?.error === 'string' ? body.error : undefined;
		message = typeof body?.message === 'string' ? body.message : undefined;
	} else if (network === 'clawtter') {
		message = clawtterDetail(body?.detail);
	} else {
		code =
			(typeof body?.errorCode === 'string' && body.errorCode) ||
			(typeof body?.code === 'string' && body.code) ||
			undefined;
		message =
			(typeof body?.error === 'string' && body.error) ||
			(typeof body?.message === 'string' && body.message) ||
			undefined;
	}
	if (!message) {
		message = rawText
			? `${NETWORKS[network].displayName} answered HTTP ${statusCode} with a body that is not the documented error shape: ${rawText}`
			: `${NETWORKS[network].displayName} answered HTTP ${statusCode}`;
	}

	const hints = HINTS[network];
	const hint = (code && hints[code]) || hints[String(statusCode)];

	let rateLimit: RateLimitInfo | undefined;
	if (statusCode === 429) {
		const retryAfter = toNumber(header(headers, 'retry-after'));
		const facts = rpcData ?? body;
		rateLimit = {
			action: typeof facts?.action === 'string' ? facts.action : undefined,
			limit: toNumber(facts?.limit) ?? toNumber(header(headers, 'x-ratelimit-limit')),
			remaining: toNumber(header(headers, 'x-ratelimit-remaining')),
			window: typeof facts?.window === 'string' ? facts.window : undefined,
			resetAt:
				parseResetTime(header(headers, 'x-ratelimit-reset')) ??
				(retryAfter !== undefined ? new Date(Date.now() + retryAfter * 1000).toISOString() : undefined),
			retryAfterSeconds: retryAfter,
		};
		for (const key of Object.keys(rateLimit) as Array<keyof RateLimitInfo>) {
			if (rateLimit[key] === undefined) delete rateLimit[key];
		}
	}

	return {
		statusCode,
		message: redactSecrets(message),
		code,
		hint,
		rateLimit,
	};
}

/** One line a person can act on: code, status, rate-limit facts and the hint. */
export function formatDescription(d: ApiErrorDescription): string {
	const parts: string[] = [`HTTP ${d.statusCode}${d.code ? ` (${d.code})` : ''}.`];
	if (d.rateLimit) {
		const r = d.rateLimit;
		const what = r.action ? ` for action "${r.action}"` : '';
		if (r.limit !== undefined) parts.push(`Limit: ${r.limit}${r.window ? ` per ${r.window}` : ''}${what}.`);
		else if (what) parts.push(`Rate limited${what}.`);
		if (r.resetAt) parts.push(`Resets at ${r.resetAt}.`);
	}
	if (d.hint) parts.push(d.hint);
	return parts.join(' ');
}

/** True when the response says it is JSON but the body could not be parsed (the transport left text). */
export function isMalformedJson(response: ApiResponse): boolean {
	const contentType = header(response.headers, 'content-type') ?? '';
	return /json/i.test(contentType) && typeof response.body === 'string' && response.body.trim() !== '';
}

/** How to find out whether a write whose answer was lost went through, per network. */
const HOW_TO_CHECK: Record<NetworkId, string> = {
	clawnet:
		'Check before retrying: Task → Get Many (Sent) after Task → Send, Email → Get Threads after Email → Send, Conversation → Get History after Message → Send, Post → Get Many (or Get) after posting, Profile → Get after a change. A blind retry may do it twice (a second DM, a second post).',
	clawtter:
		'Check before retrying: User → Get Posts (your own identity) or Feed → Get Public after posting, Account → Get Following after a follow. A blind retry may post twice.',
	clawpost:
		'Check before retrying: Job → Get with the job ID if you have it. A retry with the same Idempotency Key returns the existing job instead of posting twice.',
};

/**
 * What to do after a request whose answer was lost or unreadable: a read changed nothing, but a
 * write may have been carried out all the same.
 */
export function lostAnswerAdvice(network: NetworkId, method?: string): string {
	const verb = (method ?? '').toUpperCase();
	if (verb === 'GET' || verb === 'HEAD') return 'This was a read: nothing was changed, and retrying is safe.';
	return `${verb ? `This was a write (${verb})` : 'If this was a write (post, send, follow, delete…)'}: ${NETWORKS[network].displayName} may have carried it out before the answer was lost. ${HOW_TO_CHECK[network]}`;
}

/** The error for a success status whose JSON body is broken: quoted, never silently emptied. */
export function malformedJsonError(node: INode, network: NetworkId, response: ApiResponse, itemIndex?: number, method?: string): NodeApiError {
	const snippet = redactSecrets(String(response.body).trim().slice(0, 200));
	const message = `${NETWORKS[network].displayName} answered HTTP ${response.statusCode} with malformed JSON: ${snippet}`;
	const error = new NodeApiError(node, { statusCode: response.statusCode, message } as JsonObject, {
		message,
		description: `The answer was cut off or is not JSON. ${lostAnswerAdvice(network, method)}`,
		httpCode: String(response.statusCode),
		itemIndex,
	});
	// The shared request guard refines the advice once it knows the request's method.
	(error as NodeApiError & { lostAnswer?: boolean }).lostAnswer = true;
	return error;
}

/** Credential fields that hold a secret (the three credential types: key or token). */
const SECRET_FIELDS = ['apiKey', 'token', 'accessToken', 'password'];

/** The secret values of a credential as the node used it (only values long enough to be a secret). */
export function secretValues(credentials: IDataObject | undefined): string[] {
	if (!credentials) return [];
	return SECRET_FIELDS.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value.trim().length >= 4)
		.map((value) => value.trim());
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Masks the credential's actual values (as sent, URL-encoded and JSON-escaped), whatever they look
 * like, then anything shaped like a key (the pattern masks, as a second line).
 */
export function maskSecrets(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
		for (const form of forms) out = out.replace(new RegExp(escapeRegExp(form), 'g'), '***');
	}
	return redactSecrets(out);
}

/** Deep copy of JSON-like data with every string masked; anything else (functions, sockets) is dropped. */
export function maskDeep(value: unknown, secrets: string[], depth = 0): unknown {
	if (typeof value === 'string') return maskSecrets(value, secrets);
	if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
	if (depth > 64) return undefined;
	if (Array.isArray(value)) return value.map((v) => maskDeep(v, secrets, depth + 1));
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		if (/^(authorization|clawpost-api-key|x-api-key|cookie)$/i.test(key)) continue;
		out[key] = maskDeep(v, secrets, depth + 1) as IDataObject[string];
	}
	return out;
}

/** The value itself when it holds none of the secrets (the common case), else a masked copy. */
export function maskIfPresent<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0 || value === undefined) return value;
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
	const present = secrets.some((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)) || text.includes(JSON.stringify(secret).slice(1, -1)));
	return present ? (maskDeep(value, secrets) as T) : value;
}

/** Network-level error codes: the connection failed or timed out, so no answer was read. */
const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_CONNECTION_TIMEOUT|ERR_NETWORK|ERR_BAD_RESPONSE)$/;

/**
 * What a cause may keep: its name, code, status and masked message. The request config (headers,
 * the Authorization / clawpost-api-key header included), the socket and the raw request bytes go.
 */
function safeCause(cause: unknown, secrets: string[]): IDataObject | undefined {
	if (cause === null || cause === undefined) return undefined;
	if (typeof cause !== 'object') return { message: maskSecrets(String(cause), secrets) };
	const c = cause as IDataObject & { response?: { status?: unknown } };
	const out: IDataObject = {};
	if (typeof c.name === 'string') out.name = c.name;
	if (typeof c.message === 'string') out.message = maskSecrets(c.message, secrets);
	if (typeof c.code === 'string' || typeof c.code === 'number') out.code = c.code;
	const status = c.response?.status ?? c.status ?? c.statusCode;
	if (typeof status === 'number' || typeof status === 'string') out.status = status;
	// Our own error bodies (NodeApiError's errorResponse): plain data, masked.
	if (!('config' in c) && !('request' in c) && !(c instanceof Error)) {
		return maskDeep(c, secrets) as IDataObject;
	}
	return out;
}

/** True when the error (or its cause) is a connection that failed or timed out. */
export function isNetworkError(error: unknown): boolean {
	const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	return [e?.code, e?.cause?.code].some((code) => typeof code === 'string' && NETWORK_CODES.test(code));
}

/**
 * Makes an error safe to show, store and log: the cause loses its request config, and every
 * text (message, description, stack, messages, context) is masked by the credential's values.
 */
export function sanitizeError<T>(error: T, secrets: string[]): T {
	if (!error || typeof error !== 'object') return error;
	const e = error as unknown as IDataObject & { cause?: unknown; stack?: string; message?: string };
	if ('cause' in e && e.cause !== undefined) {
		const inner = e.cause as { cause?: unknown } | undefined;
		// A NodeApiError wrapping an n8n error wrapping the AxiosError: clean the whole chain.
		e.cause = safeCause(inner, secrets);
		if (inner && typeof inner === 'object' && 'cause' in inner && e.cause) (e.cause as IDataObject).cause = safeCause(inner.cause, secrets) ?? null;
	}
	for (const key of ['message', 'description', 'stack']) {
		if (typeof e[key] === 'string') e[key] = maskSecrets(e[key] as string, secrets);
	}
	if (Array.isArray(e.messages)) e.messages = e.messages.map((m) => (typeof m === 'string' ? maskSecrets(m, secrets) : m));
	for (const key of ['context', 'extra']) {
		if (e[key] !== undefined) e[key] = maskDeep(e[key], secrets) as IDataObject;
	}
	for (const key of ['errorResponse', 'response', 'config', 'request']) delete e[key];
	return error;
}

/**
 * Angle-bracket placeholders (`<type>`, `<agent ID>`) as look-alike brackets: n8n's error toast
 * renders a message as HTML and would swallow them as unknown tags.
 */
export function toastSafe(text: string): string {
	return text.replace(/<(\/?[^<>\s](?:[^<>\n]{0,58}[^<>\s])?)>/g, '‹$1›');
}

/** The first sentence of a hint (messages stay short; the whole hint is in the description). */
function firstSentence(text: string): string {
	const match = /^.*?[.!?](?=\s|$)/.exec(text);
	return (match ? match[0] : text).trim();
}

/**
 * What to do next, in one short sentence: when to retry (the reset time of a 429), what to fix,
 * or that retrying will not help. It goes into the error's message because n8n hands only the
 * message to a model that called the node as a tool.
 */
export function nextStep(d: ApiErrorDescription): string {
	const status = d.statusCode;
	if (status === 429 || d.rateLimit) {
		const r = d.rateLimit ?? {};
		const when = r.resetAt ? `after ${r.resetAt}` : r.retryAfterSeconds !== undefined ? `in ${r.retryAfterSeconds} s` : 'later';
		return `Retry ${when}, not sooner.`;
	}
	const hint = d.hint ? firstSentence(d.hint) : undefined;
	if (status >= 500) return 'The service failed: retry later.';
	if (status === 401) return hint ?? 'Check the credential: retrying will not help.';
	if (hint) return `${hint.replace(/\.$/, '')}; retrying unchanged will not help.`;
	if (status === 404) return 'Check the ID; retrying will not help.';
	if (status === 400 || status === 422) return 'Fix the input; retrying it unchanged will not help.';
	return 'Retrying unchanged will not help.';
}

/** The API's message followed by the next step, shown the same in the toast and to a model. */
export function actionableMessage(message: string, step: string): string {
	const base = toastSafe(message.trim());
	return `${base}${/[.!?]$/.test(base) ? '' : '.'} ${step}`;
}

/** Builds the NodeApiError for an error response: the API's words and the next step as message, facts as description. */
export function apiError(
	node: INode,
	network: NetworkId,
	response: ApiResponse,
	itemIndex?: number,
): NodeApiError {
	const d = describeApiError(network, response);
	const errorResponse: JsonObject = {
		statusCode: d.statusCode,
		message: d.message,
		...(d.code ? { code: d.code } : {}),
		...(d.rateLimit ? { rateLimit: d.rateLimit as JsonObject } : {}),
	};
	return new NodeApiError(node, errorResponse, {
		message: actionableMessage(d.message, nextStep(d)),
		description: toastSafe(formatDescription(d)),
		httpCode: String(d.statusCode),
		itemIndex,
	});
}
