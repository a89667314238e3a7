import { clawnet } from './clawnet';
import { clawpost } from './clawpost';
import { clawtter } from './clawtter';
import { model } from './model';
import { Sandbox } from './core/server';
import type { SandboxOptions } from './core/server';

export { Sandbox };
export { settingsFromArgs } from './core/settings';
export type { SandboxInfo, SandboxOptions } from './core/server';
export type { FaultInput, FaultRule } from './core/faults';
export type { LoggedRequest } from './core/requestLog';
export { SANDBOX_MODEL_KEY } from './model';
export type { ModelCall, Rule as ModelRule, Turn as ModelTurn } from './model/state';

/** Default ports of `npm run sandbox` (n8n itself uses 5678). */
export const DEFAULT_PORTS = { control: 4700, clawnet: 4701, clawtter: 4702, clawpost: 4703, model: 4704 };

/** Builds the sandbox with the three networks and the scripted model; call start() to listen. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
	return new Sandbox([clawnet, clawtter, clawpost, model], options);
}
