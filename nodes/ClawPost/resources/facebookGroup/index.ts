import { resourceOperations } from '../../../shared/descriptions';
import { facebookGroupGetStatus } from './getStatus';
import { facebookGroupJoin } from './join';
import { facebookGroupSearch } from './search';

export const facebookGroupDescription = resourceOperations('facebookGroup', [facebookGroupSearch, facebookGroupJoin, facebookGroupGetStatus], 'search');
