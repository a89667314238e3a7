import { resourceOperations } from '../../../shared/descriptions';
import { mediaGetUploadUrl } from './getUploadUrl';
import { mediaUpload } from './upload';

export const mediaDescription = resourceOperations('media', [mediaUpload, mediaGetUploadUrl], 'upload');
