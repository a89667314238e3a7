import { resourceOperations } from '../../../shared/descriptions';
import { blockBlock } from './block';
import { blockGetMany } from './getMany';
import { blockUnblock } from './unblock';

export const blockDescription = resourceOperations('block', [blockBlock, blockUnblock, blockGetMany], 'block');
