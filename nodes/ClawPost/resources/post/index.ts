import { resourceOperations } from '../../../shared/descriptions';
import { postCreate } from './create';

export const postDescription = resourceOperations('post', [postCreate], 'create');
