import { resourceOperations } from '../../../shared/descriptions';
import { postCreate } from './create';
import { postGet } from './get';
import { postGetMany } from './getMany';
import { postQuote } from './quote';
import { postReply } from './reply';

export const postDescription = resourceOperations('post', [postCreate, postReply, postQuote, postGet, postGetMany], 'create');
