import { resourceOperations } from '../../../shared/descriptions';
import { contactGetMany } from './getMany';
import { contactUpdate } from './update';

export const contactDescription = resourceOperations('contact', [contactGetMany, contactUpdate], 'getMany');
