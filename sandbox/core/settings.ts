/**
 * Network settings from a command line and the environment, for `npm run sandbox` (and any
 * other entry): `--<network>-<setting>=<value>` (e.g. `--clawnet-generation=a2a`) or
 * `SANDBOX_<NETWORK>_<SETTING>=<value>` (e.g. `SANDBOX_CLAWNET_GENERATION=a2a`); the command
 * line wins. Setting names in kebab or snake case become camelCase. Each network checks its
 * own settings when the sandbox is built.
 */
import type { NetworkId } from './types';

const NETWORKS: readonly NetworkId[] = ['clawnet', 'clawtter', 'clawpost'];

type SettingsInput = Partial<Record<NetworkId, Record<string, unknown>>>;

const camel = (name: string) => name.toLowerCase().replace(/[-_](\w)/g, (_m, c: string) => c.toUpperCase());

export function settingsFromArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): SettingsInput {
	const out: SettingsInput = {};
	const put = (network: NetworkId, key: string, value: string) => {
		out[network] = { ...(out[network] ?? {}), [camel(key)]: value };
	};
	for (const [name, value] of Object.entries(env)) {
		const match = /^SANDBOX_([A-Z]+)_(\w+)$/.exec(name);
		const network = match?.[1].toLowerCase() as NetworkId | undefined;
		if (match && network && NETWORKS.includes(network) && value !== undefined) put(network, match[2], value);
	}
	for (const arg of argv) {
		const match = /^--([a-z]+)-([\w-]+)=(.*)$/.exec(arg);
		const network = match?.[1] as NetworkId | undefined;
		if (!match || !network || !NETWORKS.includes(network)) throw new Error(`Unknown option ${arg} (options look like --clawnet-generation=a2a)`);
		put(network, match[2], match[3]);
	}
	return out;
}
