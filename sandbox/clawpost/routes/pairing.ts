/**
 * Pairing: the extension registers and gets a 6-digit code (POST /v1/connect/register), polls
 * its status (GET /v1/connect/status, Bearer extension token), and the Dashboard pairs it with
 * the code (POST /v1/connect/pair, clawpost-api-key).
 */
import { json } from '../../core/http';
import type { Router } from '../../core/router';
import { requireExtension, requireTenant } from '../auth';
import { jsonBody, optionalString } from '../body';
import { conflict, gone, invalid, notFound } from '../errors';
import { attach, findByCode, newExtension, pairingStatus } from '../model/pairing';
import type { ClawPostState, Extension } from '../state';
import { seconds } from '../state';

function pairedView(extension: Extension): Record<string, unknown> {
	return { paired: true, tenantId: extension.tenantId, extensionId: extension.id, pairedAt: seconds(extension.pairedAt ?? 0) };
}

export function pairingRoutes(router: Router<ClawPostState>): void {
	/** No auth. Body (optional): {name}. 201 {extensionId, extensionToken, pairingCode, pairingCodeExpiresAt, status: "pending"}. */
	router.post('/v1/connect/register', (req, state, env) => {
		const name = optionalString(jsonBody(req), 'name', { max: 100 }) ?? 'Claw Post extension';
		const extension = newExtension(state, env, name, env.clock.now(), true);
		req.principal = `extension:${extension.id}`;
		return json(201, {
			extensionId: extension.id,
			extensionToken: extension.token,
			pairingCode: extension.pairingCode,
			pairingCodeExpiresAt: seconds(extension.pairingCodeExpiresAt),
			status: 'pending',
		});
	});

	/** {status: pending | paired | expired | revoked, extensionId, …}; a revoked token still gets its status. */
	router.get('/v1/connect/status', (req, state, env) => {
		const extension = requireExtension(req, state, { allowRevoked: true });
		const status = pairingStatus(extension, env.clock.now());
		const body: Record<string, unknown> = { status, extensionId: extension.id };
		if (status === 'paired') Object.assign(body, { tenantId: extension.tenantId, pairedAt: seconds(extension.pairedAt ?? 0) });
		if (status === 'pending' || status === 'expired') body.pairingCodeExpiresAt = seconds(extension.pairingCodeExpiresAt);
		return json(200, body);
	});

	/** Body {code}. Pairs the waiting extension with the key's tenant (revoking its previous extension). */
	router.post('/v1/connect/pair', (req, state, env) => {
		const tenant = requireTenant(req, state);
		const raw = jsonBody(req).code;
		const code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
		if (!/^\d{6}$/.test(code)) throw invalid('code must be the 6-digit pairing code the extension shows');
		const now = env.clock.now();
		const extension = findByCode(state, code, now);
		if (!extension) throw notFound('No extension is waiting with this pairing code', 'PAIRING_CODE_INVALID');
		if (extension.tenantId) {
			if (extension.tenantId === tenant.tenantId) return json(200, pairedView(extension));
			throw conflict('PAIRING_CODE_USED', 'This pairing code was already used by another account');
		}
		if (extension.pairingCodeExpiresAt <= now) throw gone('PAIRING_CODE_EXPIRED', 'This pairing code has expired: open the extension to get a new one');
		attach(state, tenant, extension, now, 'off');
		return json(200, pairedView(extension));
	});
}
