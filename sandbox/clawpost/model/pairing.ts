/**
 * Pairing a browser extension with a tenant: the extension registers and shows a 6-digit code,
 * the dashboard pairs it with that code (authenticated by the tenant's API key). A tenant has at
 * most one active extension: pairing another one revokes the previous token.
 */
import type { SandboxEnv } from '../../core/types';
import type { ClawPostState, DriverMode, Extension, Tenant } from '../state';
import { MINUTE } from '../state';

/** How long a pairing code can be used. */
export const PAIRING_CODE_TTL_MS = 10 * MINUTE;

export type PairingStatus = 'pending' | 'paired' | 'expired' | 'revoked';

function unusedCode(state: ClawPostState, env: SandboxEnv, now: number): string {
	for (;;) {
		const code = String(Math.floor(env.random.next() * 1_000_000)).padStart(6, '0');
		if (!findByCode(state, code, now)) return code;
	}
}

/** A new extension; with a pairing code (registered through the API) or without (seeded, control). */
export function newExtension(state: ClawPostState, env: SandboxEnv, name: string, at: number, withCode: boolean): Extension {
	const extension: Extension = {
		id: env.random.uuid(),
		token: `cpext_${env.random.hex(40)}`,
		name,
		registeredAt: at,
		pairingCode: withCode ? unusedCode(state, env, at) : '',
		pairingCodeExpiresAt: at + PAIRING_CODE_TTL_MS,
	};
	state.extensions.set(extension.id, extension);
	state.extensionTokens.set(extension.token, extension.id);
	return extension;
}

/** The extension that showed this code and has not been revoked (expired codes included, for 410). */
export function findByCode(state: ClawPostState, code: string, now: number): Extension | undefined {
	let found: Extension | undefined;
	for (const e of state.extensions.values()) {
		if (e.pairingCode !== code || e.revokedAt !== undefined) continue;
		// A live code wins over an expired one that happened to repeat it.
		if (!found || (e.pairingCodeExpiresAt > now && found.pairingCodeExpiresAt <= now)) found = e;
	}
	return found;
}

export function pairingStatus(extension: Extension, now: number): PairingStatus {
	if (extension.revokedAt !== undefined) return 'revoked';
	if (extension.tenantId) return 'paired';
	return extension.pairingCodeExpiresAt > now ? 'pending' : 'expired';
}

export function activeExtension(state: ClawPostState, tenant: Tenant): Extension | undefined {
	const extension = tenant.extensionId ? state.extensions.get(tenant.extensionId) : undefined;
	return extension && extension.revokedAt === undefined ? extension : undefined;
}

/**
 * Pairs the extension with the tenant, revoking the tenant's previous one. The simulated
 * extension of the tenant drives the new one in `mode` (an extension paired through the API is
 * driven by its own client: mode "off").
 */
export function attach(state: ClawPostState, tenant: Tenant, extension: Extension, at: number, mode: DriverMode): void {
	const previous = activeExtension(state, tenant);
	if (previous && previous !== extension) previous.revokedAt = at;
	tenant.extensionId = extension.id;
	extension.tenantId = tenant.tenantId;
	extension.pairedAt = at;
	tenant.driver.mode = mode;
	tenant.driver.idleSince = at;
}

export function unpair(state: ClawPostState, tenant: Tenant, at: number): void {
	const active = activeExtension(state, tenant);
	if (active) active.revokedAt = at;
	tenant.extensionId = undefined;
}

/** Pairs a new extension without a code, driven by the simulator (the seed and the control API use it). */
export function pairSimulated(state: ClawPostState, env: SandboxEnv, tenant: Tenant, at: number, mode: DriverMode = 'auto'): Extension {
	const extension = newExtension(state, env, 'Claw Post extension (simulated)', at, false);
	attach(state, tenant, extension, at, mode);
	return extension;
}
