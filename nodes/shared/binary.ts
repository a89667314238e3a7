import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** A file taken from an input item's binary property. */
export interface BinaryFile {
	property: string;
	buffer: Buffer;
	mimeType: string;
	fileName?: string;
}

/** Detects common image and video types from their first bytes (for binaries typed octet-stream). */
export function sniffMimeType(buffer: Buffer): string | undefined {
	const hex = buffer.subarray(0, 12).toString('hex');
	if (hex.startsWith('ffd8ff')) return 'image/jpeg';
	if (hex.startsWith('89504e470d0a1a0a')) return 'image/png';
	if (hex.startsWith('47494638')) return 'image/gif';
	if (hex.startsWith('52494646') && buffer.subarray(8, 12).toString('ascii') === 'WEBP') return 'image/webp';
	if (buffer.subarray(4, 8).toString('ascii') === 'ftyp') return 'video/mp4';
	return undefined;
}

/** Reads the binary properties named (comma-separated) from the current item. */
export async function readBinaryProperties(this: IExecuteSingleFunctions, names: string): Promise<BinaryFile[]> {
	const properties = names
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	const files: BinaryFile[] = [];
	for (const property of properties) {
		let meta;
		try {
			meta = this.helpers.assertBinaryData(property);
		} catch {
			throw new NodeOperationError(this.getNode(), `The input item has no binary property "${property}"`, {
				itemIndex: this.getItemIndex(),
				description: 'Check the binary property names: they are the keys under the item\'s Binary tab (e.g. "data").',
			});
		}
		const buffer = await this.helpers.getBinaryDataBuffer(property);
		const declared = (meta.mimeType ?? '').toLowerCase();
		const mimeType = !declared || declared === 'application/octet-stream' ? (sniffMimeType(buffer) ?? declared) : declared;
		files.push({ property, buffer, mimeType, fileName: meta.fileName });
	}
	return files;
}

/** Human-readable size: 2.4 MB, 812 KB. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}
