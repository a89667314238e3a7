/** Text rules shared by posts, search and notifications: topics and previews. */

/** A topic name: letters (any script), digits and `_`, up to 64 of them. */
export const TOPIC_NAME = /^[\p{L}\p{N}_]{1,64}$/u;
/** A `#topic` token: `#` not glued to a preceding word (`a#b` is no topic), then a whole name (65 letters are no topic). */
const TOPIC_TOKEN = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,64})(?![\p{L}\p{N}_])/gu;

/** Topic names are compared and stored in lower case. */
export function normalizeTopic(name: string): string {
	return name.replace(/^#/, '').toLowerCase();
}

/** The topics of a post: its `#topic` tokens, lower-cased, each once, in order of appearance. */
export function extractTopics(content: string): string[] {
	const out: string[] = [];
	for (const match of content.matchAll(TOPIC_TOKEN)) {
		const name = normalizeTopic(match[1]);
		if (!out.includes(name)) out.push(name);
	}
	return out;
}

/** Previews are the first 140 characters (code points), with `…` when cut. */
export const PREVIEW_LENGTH = 140;

export function preview(content: string): string {
	const points = Array.from(content);
	return points.length > PREVIEW_LENGTH ? `${points.slice(0, PREVIEW_LENGTH).join('')}…` : content;
}
