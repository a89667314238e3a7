import { resourceOperations } from '../../../shared/descriptions';
import { accountGetUsage } from './getUsage';

export const accountDescription = resourceOperations('account', [accountGetUsage], 'getUsage');
