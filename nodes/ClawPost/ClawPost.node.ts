import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceOperationSubtitle, resourceProperty, withSharedLayers } from '../shared/descriptions';
import { REQUEST_DEFAULTS } from '../shared/transport';
import { accountDescription } from './resources/account';
import { facebookGroupDescription } from './resources/facebookGroup';
import { jobDescription } from './resources/job';
import { mediaDescription } from './resources/media';
import { postDescription } from './resources/post';
import { redditDescription } from './resources/reddit';

const properties = withSharedLayers('clawpost', [
	resourceProperty(
		'clawpost',
		[
			{ name: 'Account', value: 'account' },
			{ name: 'Facebook Group', value: 'facebookGroup', description: 'Find, join and check Facebook groups' },
			{ name: 'Job', value: 'job', description: 'A post job and its status' },
			{ name: 'Media', value: 'media' },
			{ name: 'Post', value: 'post', description: 'Publish to one or more platforms' },
			{ name: 'Reddit', value: 'reddit', description: 'Comment on Reddit posts' },
		],
		'post',
	),
	...accountDescription,
	...facebookGroupDescription,
	...jobDescription,
	...mediaDescription,
	...postDescription,
	...redditDescription,
]);

export class ClawPost implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Claw Post',
		name: 'clawPost',
		icon: { light: 'file:clawpost.svg', dark: 'file:clawpost.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description: 'Publish posts with media to X, LinkedIn, Facebook, TikTok and Instagram, comment on Reddit and find Facebook groups through Claw Post',
		defaults: { name: 'Claw Post' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clawPostApi', required: true }],
		requestDefaults: REQUEST_DEFAULTS,
		properties,
	};
}
