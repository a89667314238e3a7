/** Who a request acts as: a tenant (clawpost-api-key header) or a browser extension (Bearer token). */
import { bearerToken } from '../core/http';
import type { SandboxRequest } from '../core/types';
import { forbidden, unauthorized } from './errors';
import type { ClawPostState, Extension, Tenant } from './state';

/** The tenant a request acts as; 401 without or with a wrong `clawpost-api-key`. */
export function requireTenant(req: SandboxRequest, state: ClawPostState): Tenant {
	const key = req.headers['clawpost-api-key'];
	const tenantId = typeof key === 'string' ? state.keys.get(key.trim()) : undefined;
	const tenant = tenantId ? state.tenants.get(tenantId) : undefined;
	if (!tenant) throw unauthorized(typeof key === 'string' ? 'Invalid API key' : 'Missing clawpost-api-key header');
	req.principal = tenant.tenantId;
	return tenant;
}

/**
 * The extension a request comes from (`Authorization: Bearer <extension token>`); 401 without or
 * with an unknown token, or a revoked one unless `allowRevoked` (pairing status still answers).
 */
export function requireExtension(req: SandboxRequest, state: ClawPostState, options: { allowRevoked?: boolean } = {}): Extension {
	const token = bearerToken(req);
	const id = token ? state.extensionTokens.get(token) : undefined;
	const extension = id ? state.extensions.get(id) : undefined;
	if (!extension) throw unauthorized(token ? 'Invalid extension token' : 'Missing Authorization: Bearer <extension token> header');
	if (extension.revokedAt !== undefined && !options.allowRevoked) {
		throw unauthorized('This extension token was revoked: the account was paired with another extension or unpaired. Pair again.');
	}
	req.principal = extension.tenantId ?? `extension:${extension.id}`;
	return extension;
}

/** The tenant of a paired extension; 403 PAIRING_PENDING while it waits for its code to be entered. */
export function pairedTenant(state: ClawPostState, extension: Extension): Tenant {
	const tenant = extension.tenantId ? state.tenants.get(extension.tenantId) : undefined;
	if (!tenant) throw forbidden('PAIRING_PENDING', 'This extension is not paired yet: enter its 6-digit code in the Dashboard.');
	return tenant;
}
