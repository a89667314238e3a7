import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { formatBytes } from '../../../shared/binary';
import { param, refuse, refusedBeforeSending } from '../../../shared/validation';
import { slugField } from './fields';

/** A page is at most 500 KB (512,000 bytes). */
const MAX_PAGE_BYTES = 512000;

/**
 * preSend: the page's HTML, from the HTML field or an input binary property, sent raw as
 * `text/html` (the one ClawNet call whose body is not JSON); 500 KB at most, checked before sending.
 */
async function rawHtml(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	let html: string;
	if (param(this, 'source') === 'binary') {
		const property = String(param(this, 'binaryPropertyName', 'data')).trim();
		try {
			this.helpers.assertBinaryData(property);
		} catch {
			throw new NodeOperationError(this.getNode(), `Input Binary Field (binaryPropertyName): the input item has no binary property "${property}". ${refusedBeforeSending('ClawNet')}`, {
				itemIndex: this.getItemIndex(),
				description: 'Nothing was sent. Binary properties are the keys under the item\'s Binary tab (e.g. "data").',
			});
		}
		const buffer = await this.helpers.getBinaryDataBuffer(property);
		if (buffer.length > MAX_PAGE_BYTES) throw refuse(this, 'ClawNet', 'Input Binary Field', 'binaryPropertyName', `holds ${formatBytes(buffer.length)} (${buffer.length} bytes); a page is at most 500 KB (${MAX_PAGE_BYTES} bytes)`);
		html = buffer.toString('utf8');
	} else {
		html = String(param(this, 'html') ?? '');
		const bytes = Buffer.byteLength(html, 'utf8');
		if (bytes > MAX_PAGE_BYTES) throw refuse(this, 'ClawNet', 'HTML', 'html', `is ${bytes} bytes; a page is at most 500 KB (${MAX_PAGE_BYTES} bytes)`);
	}
	if (html.trim() === '') throw refuse(this, 'ClawNet', param(this, 'source') === 'binary' ? 'Input Binary Field' : 'HTML', param(this, 'source') === 'binary' ? 'binaryPropertyName' : 'html', 'is empty: a page needs some HTML');
	requestOptions.body = html;
	requestOptions.json = false;
	requestOptions.headers = { ...(requestOptions.headers ?? {}), 'Content-Type': 'text/html; charset=utf-8' };
	return requestOptions;
}

/** Page → Create or Replace: PUT /pages/:slug with the raw HTML. */
export const pageCreateOrReplace: OperationDefinition = {
	option: {
		name: 'Create or Replace',
		value: 'createOrReplace',
		action: 'Create or replace a page',
		description:
			'Publish an HTML page (new ClawNet API) at a slug (lowercase letters, digits, hyphens, ≤ 128), from text or a binary file, up to 500 KB; the same slug replaces the page',
		routing: { request: { method: 'PUT' }, send: { preSend: [rawHtml] } },
	},
	fields: [
		slugField(),
		{
			displayName: 'HTML From',
			name: 'source',
			type: 'options',
			default: 'field',
			options: [
				{ name: 'Field', value: 'field', description: 'The HTML field below' },
				{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item (e.g. an .html file)' },
			],
		},
		{
			displayName: 'HTML',
			name: 'html',
			type: 'string',
			typeOptions: { rows: 8, maxLength: MAX_PAGE_BYTES },
			default: '',
			required: true,
			placeholder: '<!doctype html><title>My page</title>…',
			description: 'The whole page; its &lt;title&gt; becomes the page title. Up to 500 KB.',
			displayOptions: { show: { source: ['field'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the HTML file',
			displayOptions: { show: { source: ['binary'] } },
		},
	],
};
