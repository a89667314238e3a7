/** The five platforms, what each accepts as media, and the job failure codes of the reference. */

export const PLATFORMS = ['x', 'linkedin', 'facebook', 'tiktok', 'instagram'] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
	return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** Where jobs run: the five posting platforms, and Reddit (comments only, POST /v1/reddit/comment). */
export const JOB_PLATFORMS = [...PLATFORMS, 'reddit'] as const;
export type JobPlatform = (typeof JOB_PLATFORMS)[number];

export function isJobPlatform(value: unknown): value is JobPlatform {
	return typeof value === 'string' && (JOB_PLATFORMS as readonly string[]).includes(value);
}

export const PLATFORM_INFO: Record<JobPlatform, { name: string; site: string }> = {
	x: { name: 'X', site: 'x.com' },
	linkedin: { name: 'LinkedIn', site: 'linkedin.com' },
	facebook: { name: 'Facebook', site: 'facebook.com' },
	tiktok: { name: 'TikTok', site: 'tiktok.com' },
	instagram: { name: 'Instagram', site: 'instagram.com' },
	reddit: { name: 'Reddit', site: 'reddit.com' },
};

/** Platforms whose posts are media (a video or images): a job without media is refused (400). */
export const MEDIA_REQUIRED: ReadonlySet<Platform> = new Set<Platform>(['tiktok', 'instagram']);

/** Content types each platform's composer accepts (checked by upload-url / upload when a platform is given). */
export const PLATFORM_CONTENT_TYPES: Record<Platform, readonly string[]> = {
	x: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime'],
	linkedin: ['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'video/quicktime', 'application/pdf'],
	facebook: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'video/mp4', 'video/quicktime', 'video/webm', 'video/x-m4v'],
	tiktok: ['video/mp4', 'video/quicktime', 'video/webm', 'image/jpeg', 'image/png', 'image/webp'],
	instagram: ['image/jpeg', 'image/png', 'image/heic', 'video/mp4', 'video/quicktime'],
};

/** The reference's table of job failure codes, and `challenge_required` (SKILL-2.x; CHANGELOG 1.1.0). */
export const FAILURE_CODES = [
	'not_logged_in',
	'no_x_tab',
	'no_platform_tab',
	'content_script_unavailable',
	'selector_not_found',
	'rate_limited',
	'network_error',
	'group_not_approved',
	'media_fetch_failed',
	'unknown_error',
	'challenge_required',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export function isFailureCode(value: unknown): value is FailureCode {
	return typeof value === 'string' && (FAILURE_CODES as readonly string[]).includes(value);
}

/** What the extension reports as `error` for a code when nobody chose the words. */
export function failureMessage(code: FailureCode, platform: JobPlatform): string {
	const { name, site } = PLATFORM_INFO[platform];
	switch (code) {
		case 'not_logged_in':
			return `Not logged in to ${name}. Log in to ${site} in the browser and retry.`;
		case 'no_x_tab':
			return 'No x.com or twitter.com tab is open. Open x.com and retry.';
		case 'no_platform_tab':
			return `No ${site} tab is open. Open ${site} in a tab and retry.`;
		case 'content_script_unavailable':
			return `Could not reach the ${site} tab (content script unavailable). Refresh the tab and retry.`;
		case 'selector_not_found':
			return `${name} composer elements not found (the page may have changed).`;
		case 'rate_limited':
			return `${name} rate limit hit. Wait and retry.`;
		case 'network_error':
			return `Network error while posting to ${name}.`;
		case 'group_not_approved':
			return 'You are not approved to post in this Facebook group (not a member, or membership pending).';
		case 'media_fetch_failed':
			return 'Could not download the media.';
		case 'challenge_required':
			return `${name} asked for a security check (captcha or checkpoint). Solve it in the browser on ${site}, then retry.`;
		default:
			return `Unexpected error while posting to ${name}.`;
	}
}
