import { resourceOperations } from '../../../shared/descriptions';
import { ruleGet } from './get';

export const ruleDescription = resourceOperations('rule', [ruleGet], 'get');
