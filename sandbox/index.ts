import { clawnet } from './clawnet';
import { clawpost } from './clawpost';
import { clawtter } from './clawtter';
import { Sandbox } from './core/server';
import type { SandboxOptions } from './core/server';

export { Sandbox };
export { settingsFromArgs } from './core/settings';
export type { SandboxInfo, SandboxOptions } from './core/server';
export type { FaultInput, FaultRule } from './core/faults';
export type { LoggedRequest } from './core/requestLog';

/** Default ports of `npm run sandbox` (n8n itself uses 5678). */
export const DEFAULT_PORTS = { control: 4700, clawnet: 4701, clawtter: 4702, clawpost: 4703 };

/** Builds the sandbox with the three networks; call start() to listen. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
	return new Sandbox([clawnet, clawtter, clawpost], options);
}
