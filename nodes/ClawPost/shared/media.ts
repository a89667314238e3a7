import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { BinaryFile } from '../../shared/binary';
import { formatBytes } from '../../shared/binary';
import { apiError, malformedJsonError } from '../../shared/errors';
import { COMMON_HEADERS, apiRequest, normalizeBaseUrl } from '../../shared/transport';

/** Files below this go through multipart upload; larger ones and videos through a signed URL. */
export const MULTIPART_LIMIT_BYTES = 30 * 1024 * 1024;

function multipartBody(file: BinaryFile): { body: Buffer; contentType: string } {
	const boundary = `----clawsocial${Buffer.from(String(file.buffer.length) + file.property).toString('hex')}`;
	const name = (file.fileName ?? `${file.property}`).replace(/["\r\n]/g, '_');
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	return { body: Buffer.concat([head, file.buffer, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /v1/media/upload (multipart, < 30 MB): the file's public URL. */
async function uploadMultipart(this: IExecuteSingleFunctions, file: BinaryFile): Promise<string> {
	const credentials = await this.getCredentials('clawPostApi');
	const { body, contentType } = multipartBody(file);
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'clawPostApi', {
		method: 'POST',
		baseURL: normalizeBaseUrl(credentials.baseUrl),
		url: '/v1/media/upload',
		body,
		headers: { ...COMMON_HEADERS, 'Content-Type': contentType },
		json: false,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
	const api = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
	if (response.statusCode >= 400) throw apiError(this.getNode(), 'clawpost', api, this.getItemIndex());
	let parsed: IDataObject;
	try {
		parsed = typeof response.body === 'string' ? (JSON.parse(response.body || '{}') as IDataObject) : (response.body as IDataObject);
	} catch {
		throw malformedJsonError(this.getNode(), 'clawpost', { ...api, body: String(response.body) }, this.getItemIndex(), 'POST');
	}
	if (!parsed || typeof parsed.url !== 'string') {
		throw malformedJsonError(this.getNode(), 'clawpost', { ...api, body: JSON.stringify(parsed) ?? '' }, this.getItemIndex(), 'POST');
	}
	return parsed.url;
}

/** POST /v1/media/upload-url, then PUT the bytes to the signed URL with the resolved type. */
async function uploadSigned(this: IExecuteSingleFunctions, file: BinaryFile, platform?: string): Promise<string> {
	const signed = (await apiRequest.call(this, 'clawpost', 'POST', '/v1/media/upload-url', {
		body: { filename: file.fileName ?? file.property, contentType: file.mimeType || undefined, bytes: file.buffer.length, platform },
		itemIndex: this.getItemIndex(),
	})) as IDataObject;
	// The signed URL carries its own authorisation: the API key must not travel to storage.
	const put = (await this.helpers.httpRequest({
		method: 'PUT',
		url: String(signed.uploadUrl),
		body: file.buffer,
		headers: { 'Content-Type': String(signed.resolvedContentType), 'User-Agent': COMMON_HEADERS['User-Agent'] },
		json: false,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
	if (put.statusCode >= 400) {
		throw new NodeOperationError(this.getNode(), `Uploading "${file.fileName ?? file.property}" to the signed URL failed with HTTP ${put.statusCode}`, {
			itemIndex: this.getItemIndex(),
			description:
				put.statusCode === 403
					? `Storage refused the upload: the Content-Type must be exactly ${String(signed.resolvedContentType)}, and the upload window is one hour.`
					: 'Nothing was posted.',
		});
	}
	return String(signed.url);
}

/** Uploads one file the right way for its size and type, returning the URL for mediaPaths. */
export async function uploadFile(this: IExecuteSingleFunctions, file: BinaryFile, platform?: string): Promise<string> {
	if (file.buffer.length === 0) {
		throw new NodeOperationError(this.getNode(), `Binary property "${file.property}" is empty`, { itemIndex: this.getItemIndex() });
	}
	const viaSigned = file.mimeType.startsWith('video/') || file.buffer.length >= MULTIPART_LIMIT_BYTES;
	return viaSigned ? await uploadSigned.call(this, file, platform) : await uploadMultipart.call(this, file);
}

export function describeFile(file: BinaryFile): string {
	return `"${file.fileName ?? file.property}" (${file.mimeType || 'unknown type'}, ${formatBytes(file.buffer.length)})`;
}
