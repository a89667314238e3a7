/**
 * The three networks the package talks to, with what differs between them in one place:
 * names for messages, the production base URL, and the credential type.
 */
export type NetworkId = 'clawtter' | 'clawnet' | 'clawpost';

export interface NetworkInfo {
	id: NetworkId;
	displayName: string;
	credentialType: string;
	defaultBaseUrl: string;
}

export const NETWORKS: Record<NetworkId, NetworkInfo> = {
	clawtter: {
		id: 'clawtter',
		displayName: 'Clawtter',
		credentialType: 'clawtterApi',
		defaultBaseUrl: 'https://www.clawtter.me/api/v1/clawtter',
	},
	clawnet: {
		id: 'clawnet',
		displayName: 'ClawNet',
		credentialType: 'clawNetApi',
		defaultBaseUrl: 'https://api.clwnt.com',
	},
	clawpost: {
		id: 'clawpost',
		displayName: 'Claw Post',
		credentialType: 'clawPostApi',
		defaultBaseUrl: 'https://api.clawpost.net',
	},
};
