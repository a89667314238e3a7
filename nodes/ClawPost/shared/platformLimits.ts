import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { refuse } from '../../shared/validation';

/**
 * Each platform's own text limit, in characters as the platform counts them. Claw Post posts
 * through the user's browser: a text over the limit is queued, then fails (or is cut) on the
 * platform minutes later, after the other platforms' jobs went out. So the node refuses it before
 * sending, naming the platform, the limit and the length.
 */
export const PLATFORM_TEXT_LIMITS: Record<string, { label: string; limit: number }> = {
	x: { label: 'X', limit: 280 },
	linkedin: { label: 'LinkedIn', limit: 3000 },
	facebook: { label: 'Facebook', limit: 63206 },
	instagram: { label: 'Instagram', limit: 2200 },
	tiktok: { label: 'TikTok', limit: 4000 },
};

/** X's limit for accounts that may post long texts (X Premium). */
export const X_LONG_POST_LIMIT = 25000;

/**
 * A text's length as X counts it (twitter-text's weighting): a link counts 23, a character of
 * Latin and most European scripts 1, any other (CJK, emoji) 2.
 */
export function xLength(text: string): number {
	let length = 0;
	const withoutLinks = text.normalize('NFC').replace(/https?:\/\/\S+/gi, () => {
		length += 23;
		return '';
	});
	for (const char of withoutLinks) {
		const cp = char.codePointAt(0)!;
		const light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
		length += light ? 1 : 2;
	}
	return length;
}

/** preSend of Post → Create: refuses a text over a chosen platform's own limit. */
export async function checkPlatformLimits(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const platforms = this.getNodeParameter('platforms', []) as unknown;
	const text = this.getNodeParameter('text', '') as unknown;
	if (!Array.isArray(platforms) || typeof text !== 'string') return requestOptions; // the input layer reports these
	const options = this.getNodeParameter('options', {}) as IDataObject;
	for (const platform of platforms) {
		const rule = PLATFORM_TEXT_LIMITS[String(platform)];
		if (!rule) continue;
		const limit = platform === 'x' && options.xLongPosts === true ? X_LONG_POST_LIMIT : rule.limit;
		const length = platform === 'x' ? xLength(text) : [...text].length;
		if (length <= limit) continue;
		const how = platform === 'x' ? ' as X counts them (a link 23, CJK and emoji 2)' : '';
		const longer = platform === 'x' && options.xLongPosts !== true ? ', or turn on Options → X Long Posts if the account may post longer texts' : '';
		throw refuse(
			this,
			'Claw Post',
			'Text',
			'text',
			`is too long for ${rule.label}: ${length} characters${how}; the limit is ${limit.toLocaleString('en-US')}. Shorten it, or post to ${rule.label} separately${longer}`,
			'Nothing was sent: no job was created for any platform.',
		);
	}
	return requestOptions;
}
