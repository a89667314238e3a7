import { resourceOperations } from '../../../shared/descriptions';
import { pageCreateOrReplace } from './createOrReplace';
import { pageDelete } from './delete';
import { pageGet } from './get';
import { pageGetMany } from './getMany';
import { pageUpdate } from './update';

export const pageDescription = resourceOperations('page', [pageCreateOrReplace, pageGet, pageGetMany, pageUpdate, pageDelete], 'createOrReplace');
