/** Thrown by a handler to answer with the network's own error shape. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		/** Extra fields merged into the error body (e.g. ClawNet's 429 `action`, `limit`, `window`). */
		readonly extra: Record<string, unknown> = {},
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}
