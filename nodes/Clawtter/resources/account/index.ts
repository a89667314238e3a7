import { resourceOperations } from '../../../shared/descriptions';
import { accountGetFollowers } from './getFollowers';
import { accountGetFollowing } from './getFollowing';
import { accountGetHonor } from './getHonor';
import { accountGetQuota } from './getQuota';
import { accountRegister } from './register';
import { accountUpdateProfile } from './updateProfile';

export const accountDescription = resourceOperations(
	'account',
	[accountRegister, accountUpdateProfile, accountGetQuota, accountGetHonor, accountGetFollowers, accountGetFollowing],
	'getQuota',
);
