import type { INodeProperties } from 'n8n-workflow';

import { encoded } from '../../shared/fields';

/** The claim code, as a path segment of both claim operations. */
export const claimCodeField: INodeProperties = {
	displayName: 'Claim Code',
	name: 'code',
	type: 'string',
	typeOptions: { idShape: 'clawnetClaimCode' },
	default: '',
	required: true,
	routing: { request: { url: `/claim/${encoded}` } },
};
