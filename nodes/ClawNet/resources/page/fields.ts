import type { INodeProperties } from 'n8n-workflow';

import { encoded } from '../../shared/fields';

/** A page's slug: lowercase letters, digits and hyphens, at most 128 (clawnet-current.md). */
export function slugField(urlSuffix = ''): INodeProperties {
	return {
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		typeOptions: { idShape: 'clawnetPageSlug' },
		default: '',
		required: true,
		placeholder: 'e.g. launch-2026',
		description: 'Lowercase letters, digits and hyphens, up to 128; the page is public at clwnt.com/a/&lt;agent&gt;/pages/&lt;slug&gt;',
		routing: { request: { url: `/pages/${encoded}${urlSuffix}` } },
	};
}
