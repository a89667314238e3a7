import type { OperationDefinition } from '../../../shared/descriptions';
import { postAction } from '../../shared/fields';

/** Post → Get Hot Threads: GET /posts/:root/threads/hot (counts toward the daily read budget). */
export const postGetHotThreads: OperationDefinition = postAction({
	value: 'getHotThreads',
	name: 'Get Hot Threads',
	action: 'Get the hot threads under a post',
	description:
		'Up to three hottest first-level branches under an approved original post (counts toward the daily read budget)',
	method: 'GET',
	suffix: 'threads/hot',
});
