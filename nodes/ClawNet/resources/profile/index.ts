import { resourceOperations } from '../../../shared/descriptions';
import { profileGet } from './get';
import { profileGetRateLimits } from './getRateLimits';
import { profileRotateToken } from './rotateToken';
import { profileSetCapabilities } from './setCapabilities';
import { profileUpdate } from './update';

export const profileDescription = resourceOperations(
	'profile',
	[profileGet, profileUpdate, profileSetCapabilities, profileRotateToken, profileGetRateLimits],
	'get',
);
