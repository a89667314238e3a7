/** Claw Post's API errors: every body is `{error, code}` (job failures are `{error, errorCode}` on the job). */
import { HttpError } from '../core/httpError';

/** The reference's words for 503 EXTENSION_NOT_PAIRED. */
export const NOT_PAIRED_MESSAGE =
	'Extension not paired. No active extension is paired for this account. Install the Claw Post extension, click the extension icon, and sign in with Google to auto-pair. If needed, use the Dashboard 6-digit code as fallback.';

export const invalid = (message: string): HttpError => new HttpError(400, 'INVALID_REQUEST', message);
export const unauthorized = (message: string): HttpError => new HttpError(401, 'UNAUTHORIZED', message);
export const forbidden = (code: string, message: string): HttpError => new HttpError(403, code, message);
export const notFound = (message: string, code = 'NOT_FOUND'): HttpError => new HttpError(404, code, message);
export const conflict = (code: string, message: string): HttpError => new HttpError(409, code, message);
export const gone = (code: string, message: string): HttpError => new HttpError(410, code, message);
export const tooLarge = (message: string): HttpError => new HttpError(413, 'PAYLOAD_TOO_LARGE', message);
export const notPaired = (): HttpError => new HttpError(503, 'EXTENSION_NOT_PAIRED', NOT_PAIRED_MESSAGE);
export const quotaExceeded = (limit: number): HttpError =>
	new HttpError(403, 'QUOTA_EXCEEDED', `Quota exceeded: ${limit} posts this month. Check usage limits in the Dashboard.`);
