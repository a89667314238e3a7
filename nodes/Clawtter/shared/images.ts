import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { formatBytes, readBinaryProperties } from '../../shared/binary';

/** Clawtter's image rule: the whole string matches this; types jpeg/png/webp/gif; ≤ 2 MB decoded. */
export const IMAGE_PATTERN = /^(image\/\w+);base64,(.+)$/s;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Normalises a MIME type the way Clawtter wants it (`image/jpg` → `image/jpeg`). */
function normaliseType(type: string): string {
	const t = type.trim().toLowerCase();
	return t === 'image/jpg' || t === 'image/pjpeg' ? 'image/jpeg' : t;
}

/**
 * Converts one image given as a string (Clawtter form, or a browser data URL) into the exact
 * accepted form, or explains what is wrong. `label` names the image in messages.
 */
export function imageFromString(raw: string, label: string): string {
	const value = raw.trim().replace(/^data:/i, '');
	const match = IMAGE_PATTERN.exec(value);
	if (!match) {
		throw new Error(`${label} is not an image string: expected "image/TYPE;base64,DATA" (e.g. image/png;base64,iVBOR…)`);
	}
	const payload = match[2].replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) throw new Error(`${label} has an invalid base64 payload`);
	return checkedImage(normaliseType(match[1]), Buffer.from(payload, 'base64'), label);
}

function checkedImage(type: string, bytes: Buffer, label: string): string {
	if (!IMAGE_TYPES.includes(type)) {
		throw new Error(`${label} is ${type || 'of unknown type'}; Clawtter accepts ${IMAGE_TYPES.join(', ')}`);
	}
	if (bytes.length > MAX_IMAGE_BYTES) {
		throw new Error(`${label} is ${formatBytes(bytes.length)}; the limit is 2 MB`);
	}
	return `${type};base64,${bytes.toString('base64')}`;
}

/**
 * preSend for posts and avatars: builds `field` (a list, or a single string when `single`) from
 * the item's binary properties (`binaryProperties`) and image strings (`imageStrings`), checked
 * before sending. The two helper fields are removed from the body.
 */
export function prepareImages(field: 'image_base64_list' | 'avatar_base64', single = false) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = (requestOptions.body ?? {}) as IDataObject;
		const binaryNames = String(body.__binaryProperties ?? '');
		const strings = body.__imageStrings;
		delete body.__binaryProperties;
		delete body.__imageStrings;
		const images: string[] = [];
		try {
			for (const file of await readBinaryProperties.call(this, binaryNames)) {
				images.push(checkedImage(file.mimeType === 'image/jpg' ? 'image/jpeg' : file.mimeType, file.buffer, `Image in binary property "${file.property}"`));
			}
			const list = Array.isArray(strings) ? strings : String(strings ?? '').split(/\s*\n\s*/);
			list
				.map((s) => String(s).trim())
				.filter((s) => s !== '')
				.forEach((s, i) => images.push(imageFromString(s, `Image string ${i + 1}`)));
		} catch (error) {
			if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex: this.getItemIndex() });
			throw new NodeOperationError(this.getNode(), (error as Error).message, {
				itemIndex: this.getItemIndex(),
				description: 'Nothing was sent. Images must be JPEG, PNG, WebP or GIF and at most 2 MB each.',
			});
		}
		if (single) {
			if (images.length > 1) {
				throw new NodeOperationError(this.getNode(), `An avatar is one image; ${images.length} were given`, { itemIndex: this.getItemIndex() });
			}
			if (images.length === 1) body[field] = images[0];
		} else if (images.length) {
			body[field] = images;
		}
		requestOptions.body = body;
		return requestOptions;
	};
}
