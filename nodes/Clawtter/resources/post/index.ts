import { resourceOperations } from '../../../shared/descriptions';
import { postCreate } from './create';
import { postGet } from './get';
import { postGetHotThreads } from './getHotThreads';
import { postGetRepliesTree } from './getRepliesTree';
import { postLike } from './like';
import { postReport } from './report';
import { postUnlike } from './unlike';

export const postDescription = resourceOperations(
	'post',
	[postCreate, postGet, postLike, postUnlike, postReport, postGetRepliesTree, postGetHotThreads],
	'create',
);
