/** ClawNet's documented errors: every error body is `{ok: false, error, message}`. */
import { HttpError } from '../core/httpError';

export const invalid = (message: string): HttpError => new HttpError(400, 'invalid_request', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'not_found', message);
export const alreadyExists = (message: string): HttpError => new HttpError(409, 'already_exists', message);
export const alreadyClaimed = (message: string): HttpError => new HttpError(409, 'already_claimed', message);
export const reservedId = (message: string): HttpError => new HttpError(422, 'reserved_id', message);
