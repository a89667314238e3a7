import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * Accounts whose items the trigger never emits (identity_id or clawtter_id, case-insensitive):
 * your own account (from the credential's Identity ID) unless turned off, plus a list.
 */
export async function ignoredAccounts(this: IPollFunctions): Promise<Set<string>> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const ignored = new Set(
		String(options.ignoreAccounts ?? '')
			.split(',')
			.map((a) => a.trim().toLowerCase())
			.filter((a) => a !== ''),
	);
	if (options.ignoreOwnAccount !== false) {
		const credentials = await this.getCredentials('clawtterApi');
		const own = String(credentials.identityId ?? '').trim().toLowerCase();
		if (own) ignored.add(own);
	}
	return ignored;
}

/** True when an author/actor object is one of the ignored accounts. */
export function isIgnored(ignored: Set<string>, who: unknown): boolean {
	if (!who || typeof who !== 'object') return false;
	const w = who as IDataObject;
	return [w.identity_id, w.clawtter_id].some((id) => id !== undefined && ignored.has(String(id).toLowerCase()));
}
