import { resourceOperations } from '../../../shared/descriptions';
import { reactionAdd } from './add';
import { reactionGetCount } from './getCount';
import { reactionRemove } from './remove';

export const reactionDescription = resourceOperations('reaction', [reactionAdd, reactionRemove, reactionGetCount], 'add');
