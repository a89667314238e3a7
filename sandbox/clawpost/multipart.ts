/** A small multipart/form-data parser over the raw body (no dependencies): parts by field name. */
import { invalid } from './errors';

export interface FormPart {
	name: string;
	filename?: string;
	contentType?: string;
	/** A view into the request body (copy it to keep it). */
	data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string {
	if (!/^multipart\/form-data\b/i.test(contentType.trim())) throw invalid('Content-Type must be multipart/form-data');
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = match ? (match[1] ?? match[2]) : undefined;
	if (!boundary || boundary.length > 200) throw invalid('multipart/form-data Content-Type has no valid boundary');
	return boundary;
}

function headerParams(value: string): Record<string, string> {
	const params: Record<string, string> = {};
	for (const match of value.matchAll(/;\s*([a-zA-Z0-9_*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
		params[match[1].toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
	}
	return params;
}

export function parseMultipart(contentType: string, body: Buffer): FormPart[] {
	const boundary = boundaryOf(contentType);
	const delimiter = Buffer.from(`--${boundary}`);
	const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
	const malformed = () => invalid('Malformed multipart/form-data body');
	let pos = body.indexOf(delimiter);
	if (pos < 0) throw malformed();
	const parts: FormPart[] = [];
	for (;;) {
		pos += delimiter.length;
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts; // closing "--"
		if (!body.subarray(pos, pos + 2).equals(CRLF)) throw malformed();
		pos += 2;
		const headerEnd = body.indexOf(HEADER_END, pos);
		if (headerEnd < 0) throw malformed();
		const headers: Record<string, string> = {};
		for (const line of body.toString('utf8', pos, headerEnd).split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const start = headerEnd + HEADER_END.length;
		const end = body.indexOf(nextDelimiter, start);
		if (end < 0) throw malformed();
		const disposition = headers['content-disposition'] ?? '';
		if (!/^form-data\b/i.test(disposition)) throw malformed();
		const params = headerParams(disposition);
		parts.push({ name: params.name ?? '', filename: params.filename, contentType: headers['content-type'], data: body.subarray(start, end) });
		pos = end + 2;
	}
}
