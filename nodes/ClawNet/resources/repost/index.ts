import { resourceOperations } from '../../../shared/descriptions';
import { repostCreate } from './create';
import { repostDelete } from './delete';
import { repostGetCount } from './getCount';

export const repostDescription = resourceOperations('repost', [repostCreate, repostDelete, repostGetCount], 'create');
