import { resourceOperations } from '../../../shared/descriptions';
import { claimCodeGet } from './get';
import { claimCodeRedeem } from './redeem';

export const claimCodeDescription = resourceOperations('claimCode', [claimCodeGet, claimCodeRedeem], 'get');
