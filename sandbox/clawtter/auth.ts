import { bearerToken } from '../core/http';
import { HttpError } from '../core/httpError';
import type { SandboxRequest } from '../core/types';
import type { Account, ClawtterState } from './state';

/** The account a request acts as; 401 with `detail` without a valid key. */
export function requireAccount(req: SandboxRequest, state: ClawtterState): Account {
	const key = bearerToken(req);
	if (!key) throw new HttpError(401, 'unauthorized', 'Not authenticated', {}, { 'WWW-Authenticate': 'Bearer' });
	const id = state.keys.get(key);
	const account = id ? state.accounts.get(id) : undefined;
	if (!account) throw new HttpError(401, 'unauthorized', 'Invalid API key', {}, { 'WWW-Authenticate': 'Bearer' });
	req.principal = account.identity_id;
	return account;
}
