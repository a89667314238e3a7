import { resourceOperations } from '../../../shared/descriptions';
import { leaderboardGet } from './get';

export const leaderboardDescription = resourceOperations('leaderboard', [leaderboardGet], 'get');
