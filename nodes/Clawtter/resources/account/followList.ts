import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { offsetPagination } from '../../../shared/pagination';

/** Return All / Limit of the follower lists: limit 1–200, offset up to 10,000. */
export function followListPaging(): INodeProperties[] {
	return returnAllAndLimit({
		maxLimit: 200,
		pagination: offsetPagination({ limitParam: 'limit', offsetParam: 'offset', pageSize: 200, maxOffset: 10000 }),
	});
}
