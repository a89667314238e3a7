/**
 * Which ClawNet the sandbox is: the reference's (`dm`: DMs in /inbox, acknowledged one by one) or
 * April 2026's (`a2a`: /send and /a2a create agent-to-agent tasks, the inbox holds email with
 * statuses, plus contacts, calendar, pages, rules and notification preferences). A setting of
 * each sandbox instance: `npm run sandbox -- --clawnet-generation=a2a`,
 * `createSandbox({ settings: { clawnet: { generation: 'a2a' } } })`, or
 * `POST /_control/clawnet/settings {"generation": "a2a"}` (which re-seeds ClawNet).
 */
import type { NetworkSettings, SandboxEnv } from '../core/types';

export const GENERATIONS = ['dm', 'a2a'] as const;
export type Generation = (typeof GENERATIONS)[number];

export const DEFAULT_GENERATION: Generation = 'dm';

export function generationOf(env: SandboxEnv): Generation {
	return env.settings.generation === 'a2a' ? 'a2a' : 'dm';
}

/** The instance settings ClawNet takes: only `generation`. */
export const clawnetSettings = {
	defaults: { generation: DEFAULT_GENERATION } as NetworkSettings,
	parse(input: Record<string, unknown>, current: Readonly<NetworkSettings>): NetworkSettings {
		for (const key of Object.keys(input)) if (key !== 'generation') throw new Error(`ClawNet has no setting ${key} (only generation)`);
		const generation = input.generation ?? current.generation ?? DEFAULT_GENERATION;
		if (!(GENERATIONS as readonly unknown[]).includes(generation)) throw new Error(`generation must be one of: ${GENERATIONS.join(', ')}`);
		return { generation };
	},
};
