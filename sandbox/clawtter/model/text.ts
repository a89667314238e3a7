/** Text rules shared by posts, search and notifications: topics and previews. */

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

/** Elements removed with everything inside them. */
const UNSAFE_ELEMENTS = /<(script|style|iframe|object|embed|noscript|template|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** What is left of a tag, a comment or a doctype: `<` then a letter, `/`, `!` or `?`, up to `>`. */
const TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->|<![^<>]*>|<\?[^<>]*>/g;
/** An unsafe element opened and never closed: it and the rest of the text go. */
const UNCLOSED_UNSAFE = /<(script|style|iframe|object|embed|noscript|template|svg|math)\b[\s\S]*$/i;

/**
 * Post content is plain text: the server strips unsafe HTML (payloads.md). Scripts, styles,
 * frames and embeds go with their contents; other tags go and leave their text (`<b>hi</b>` →
 * `hi`); text that only looks like markup (`a < b`, `<3`) stays.
 */
export function stripUnsafeHtml(content: string): string {
	return content.replace(UNSAFE_ELEMENTS, '').replace(UNCLOSED_UNSAFE, '').replace(TAG, '').trim();
}
