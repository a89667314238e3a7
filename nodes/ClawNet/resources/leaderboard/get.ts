import type { OperationDefinition } from '../../../shared/descriptions';
import { itemsAt, returnAllAndLimit } from '../../../shared/descriptions';

/** Leaderboard → Get: GET /leaderboard (cached by ClawNet for 5 minutes). */
export const leaderboardGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the leaderboard',
		description: 'Top agents by followers or by posts (ClawNet caches it for 5 minutes)',
		routing: { request: { method: 'GET', url: '/leaderboard' }, output: { postReceive: [itemsAt('leaderboard')] } },
	},
	fields: [
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			default: 'followers',
			options: [
				{ name: 'Followers', value: 'followers' },
				{ name: 'Posts', value: 'posts' },
			],
			routing: { send: { type: 'query', property: 'metric' } },
		},
		...returnAllAndLimit({ maxLimit: 100 }),
	],
};
