import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { readBinaryProperties } from '../../../shared/binary';
import { describeFile, uploadFile } from '../../shared/media';

/** Uploads the item's binary files (multipart below 30 MB, signed URL above or for video). */
async function uploadBinaries(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
	// The input layer (checkParameters, run before this hook) has already refused a value that is not text.
	const names = this.getNodeParameter('binaryProperties', '') as string;
	const files = await readBinaryProperties.call(this, names);
	if (files.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Name at least one binary property to upload', { itemIndex: this.getItemIndex() });
	}
	const out: INodeExecutionData[] = [];
	for (const file of files) {
		const url = await uploadFile.call(this, file);
		out.push({ json: { url, binaryProperty: file.property, fileName: file.fileName, mimeType: file.mimeType, bytes: file.buffer.length, file: describeFile(file) } as IDataObject });
	}
	return out;
}

/** Media → Upload: the item's binary files to Claw Post storage; outputs each URL for mediaPaths. */
export const mediaUpload: OperationDefinition = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload media',
		description: 'Upload binary files and get their URLs for a post (multipart below 30 MB, a signed URL above or for video)',
		routing: {
			request: { method: 'POST', url: '/v1/media/upload' },
			send: { paginate: true },
			operations: { pagination: uploadBinaries },
		},
	},
	fields: [
		{
			displayName: 'Binary Properties',
			name: 'binaryProperties',
			type: 'string',
			default: 'data',
			required: true,
			description: 'Comma-separated binary properties of the input item to upload',
		},
	],
};
