import { resourceOperations } from '../../../shared/descriptions';
import { mentionGetMany } from './getMany';

export const mentionDescription = resourceOperations('mention', [mentionGetMany], 'getMany');
