/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only: a real AxiosError from a real timeout, inspected the way a log line prints it */
/**
 * Secrets by value: the masks and the error sanitizer on their own, with a real AxiosError from a
 * request that timed out (its config holds the Authorization header, as n8n's helpers leave it).
 */
import { inspect } from 'node:util';

import axios from 'axios';
import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { maskSecrets, sanitizeError, secretValues } from '../../nodes/shared/errors';
import { safeRequestError } from '../../nodes/shared/transport';
import { useSandbox } from '../harness/sandbox';

const t = useSandbox();
const node: INode = { id: 'n', name: 'ClawNet', type: 'n8n-nodes-claw-social.clawNet', typeVersion: 1, position: [0, 0], parameters: {} };
/** A credential value of no known shape. */
const VALUE = ['no', 'known', 'shape', '9c1d'].join('-');

test('the credential\'s own values are masked whatever they look like; pattern masks stay as a second line', () => {
	expect(secretValues({ token: VALUE, baseUrl: 'http://x' })).toEqual([VALUE]);
	expect(maskSecrets(`a ${VALUE} b ${encodeURIComponent(VALUE)} c clwnt_abcdef012345`, [VALUE])).toBe('a *** b *** c ***');
});

test('a timeout: the AxiosError cause loses its config (headers) and request, the key appears nowhere, a write may have gone through', async () => {
	await t.current.fault({ network: 'clawnet', path: '/send', kind: 'latency', latencyMs: 2000 });
	let axiosError: unknown;
	try {
		await axios.post(`${t.current.info.networks.clawnet.baseUrl}/send`, { to: 'Sam', message: 'hi' }, { timeout: 200, headers: { Authorization: `Bearer ${VALUE}` } });
	} catch (error) {
		axiosError = error;
	}
	expect(inspect(axiosError, { depth: Infinity })).toContain(VALUE);
	const wrapped = new NodeApiError(node, axiosError as JsonObject);
	const safe = safeRequestError(wrapped, [VALUE], 'clawnet', 'POST') as NodeApiError;
	for (const form of [JSON.stringify(safe), JSON.stringify(safe.cause), inspect(safe, { depth: Infinity })]) {
		expect(form).not.toContain(VALUE);
		expect(form).not.toMatch(/authorization/i);
	}
	expect(safe.cause).toMatchObject({ code: 'ECONNABORTED' });
	expect(safe.description).toMatch(/This was a write \(POST\): ClawNet may have carried it out/);
});

test('an error whose message and context echo the key is masked everywhere, stack included', () => {
	const error = new NodeApiError(node, { message: `bad ${VALUE}` } as JsonObject, { message: `bad ${VALUE}`, description: `key=${VALUE}` });
	(error.context as Record<string, unknown>).echo = { deep: [VALUE] };
	sanitizeError(error, [VALUE]);
	expect(inspect(error, { depth: Infinity })).not.toContain(VALUE);
	expect(JSON.stringify(error.cause) ?? '').not.toContain(VALUE);
	expect(error.message).toBe('bad ***');
});
