import { resourceOperations } from '../../../shared/descriptions';
import { jobGet } from './get';

export const jobDescription = resourceOperations('job', [jobGet], 'get');
