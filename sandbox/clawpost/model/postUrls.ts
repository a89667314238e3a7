/**
 * Live URLs of published posts, shaped like each platform's: X and LinkedIn ids are time-based
 * 64-bit ids (snowflakes), TikTok ids start with the unix time, Instagram uses a shortcode.
 */
import type { ClawPostState, Job, Tenant } from '../state';
import { groupOf } from './groups';

const TWITTER_EPOCH = 1288834974657n;
const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function shortcode(id: bigint): string {
	let out = '';
	let n = id;
	while (n > 0n) {
		out = SHORTCODE_ALPHABET[Number(n % 64n)] + out;
		n /= 64n;
	}
	return out;
}

function isVideo(url: string): boolean {
	return /\.(mp4|m4v|mov|webm)(\?|$)/i.test(url);
}

/** A Reddit comment id (base 36, as Reddit's t1_ ids). */
function redditCommentUrl(targetUrl: string, id: bigint): string {
	const url = new URL(targetUrl);
	const match = /^\/r\/([^/]+)\/comments\/([^/]+)(?:\/([^/]+))?/.exec(url.pathname);
	const [, sub, post, slug] = match ?? ['', 'unknown', 'unknown', undefined];
	return `https://www.reddit.com/r/${sub}/comments/${post}/${slug ?? 'comment'}/${id.toString(36)}/`;
}

/** The URL of the post (or Reddit comment) a job published at `at`. */
export function livePostUrl(state: ClawPostState, tenant: Tenant, job: Job, at: number): string {
	const seq = BigInt(++state.postSeq % 4096);
	const ms = BigInt(at);
	const snowflake = ((ms - TWITTER_EPOCH) << 22n) | seq;
	const handle = tenant.accounts[job.platform];
	switch (job.platform) {
		case 'x':
			return `https://x.com/${handle}/status/${snowflake}`;
		case 'linkedin':
			return `https://www.linkedin.com/feed/update/urn:li:activity:${(ms << 22n) | seq}`;
		case 'facebook': {
			const postId = `${1000000000000000n + (ms % 1000000000000n) * 1000n + seq}`;
			const group = groupOf(tenant, job);
			return group ? `https://www.facebook.com/groups/${group.id}/posts/${postId}/` : `https://www.facebook.com/${handle}/posts/${postId}`;
		}
		case 'tiktok': {
			const id = ((ms / 1000n) << 32n) | (seq << 8n);
			// A post of images is a photo post; anything with a video is a video.
			return job.mediaPaths.some(isVideo) || job.mediaPaths.length === 0 ? `https://www.tiktok.com/@${handle}/video/${id}` : `https://www.tiktok.com/@${handle}/photo/${id}`;
		}
		case 'reddit':
			return redditCommentUrl(job.targetUrl ?? 'https://www.reddit.com/r/unknown/comments/unknown/', (ms % 100000000000n) * 4096n + seq);
		default:
			return `https://www.instagram.com/${job.mediaPaths.length === 1 && isVideo(job.mediaPaths[0]) ? 'reel' : 'p'}/${shortcode(snowflake)}/`;
	}
}
