import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

/** Safety stop for a misbehaving server that keeps answering full pages with the same cursor. */
const MAX_PAGES = 500;

/** A declarative operation's pagination function (what routing's `operations.pagination` runs). */
export type Paginate = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Merges query parameters into a copy of the routed request. */
function withQuery(requestData: DeclarativeRestApiSettings.ResultOptions, qs: IDataObject): DeclarativeRestApiSettings.ResultOptions {
	return { ...requestData, options: { ...requestData.options, qs: { ...(requestData.options.qs ?? {}), ...qs } } };
}

/** How many more items Return All / Limit still wants (Infinity for Return All). */
function wanted(requestData: DeclarativeRestApiSettings.ResultOptions, have: number): number {
	const max = requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
	return (Number.isFinite(max) ? max : Infinity) - have;
}

export interface CursorPaging {
	/** Query parameter for the page size, and the largest size the API allows. */
	limitParam: string;
	pageSize: number;
	/** Query parameter carrying the cursor, read from the last (or first) item of a page. */
	cursorParam: string;
	cursorOf: (item: IDataObject) => string | undefined;
	/**
	 * Which item of a page holds the next cursor: 'last' (newest-first lists, default) or 'first'
	 * (chronological pages read backwards; older pages are then put in front of newer ones).
	 */
	cursorFrom?: 'first' | 'last';
	/** Items with the same id are emitted once (cursors on timestamps can overlap). */
	idOf?: (item: IDataObject) => string;
}

/**
 * Return All for lists paged by a cursor taken from the last item (ClawNet's `before` / `since`):
 * full pages are followed until a short page, a missing cursor or a repeated cursor.
 */
export function cursorPagination(paging: CursorPaging): Paginate {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const out: INodeExecutionData[] = [];
		const seen = new Set<string>();
		let cursor: string | undefined;
		for (let page = 0; page < MAX_PAGES; page++) {
			const size = Math.min(paging.pageSize, wanted(requestData, out.length));
			if (size <= 0) break;
			const qs: IDataObject = { [paging.limitParam]: size };
			if (cursor !== undefined) qs[paging.cursorParam] = cursor;
			const items = await this.makeRoutingRequest(withQuery(requestData, qs));
			const fresh: INodeExecutionData[] = [];
			for (const item of items) {
				const id = paging.idOf?.(item.json);
				if (id !== undefined) {
					if (seen.has(id)) continue;
					seen.add(id);
				}
				fresh.push(item);
			}
			// Chronological pages read backwards (cursor from the first item): each older page goes
			// in front, so that the whole output stays in the order of every page.
			if (paging.cursorFrom === 'first') out.unshift(...fresh);
			else out.push(...fresh);
			const edge = paging.cursorFrom === 'first' ? items[0] : items[items.length - 1];
			const next = edge ? paging.cursorOf(edge.json) : undefined;
			if (items.length < size || next === undefined || next === cursor) break;
			cursor = next;
		}
		return out;
	};
}

export interface OffsetPaging {
	limitParam: string;
	offsetParam: string;
	pageSize: number;
	/** The largest offset the API accepts (Clawtter: 10000). */
	maxOffset: number;
}

/** Return All for lists paged by `limit` + `offset` (Clawtter followers / following). */
export function offsetPagination(paging: OffsetPaging): Paginate {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const out: INodeExecutionData[] = [];
		for (let offset = 0; offset <= paging.maxOffset; offset += paging.pageSize) {
			const size = Math.min(paging.pageSize, wanted(requestData, out.length));
			if (size <= 0) break;
			const items = await this.makeRoutingRequest(withQuery(requestData, { [paging.limitParam]: size, [paging.offsetParam]: offset }));
			out.push(...items);
			if (items.length < size) break;
		}
		return out;
	};
}
