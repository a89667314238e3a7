/**
 * The seeded Clawtter: the same accounts, keys and content after every reset. The three accounts
 * (and their keys) come first from the random stream, as they always have; everything else is
 * drawn after them. Content is made through the same functions the API uses, so counts, topics
 * and notifications are the real ones.
 *
 * - n8n-agent (the sandbox credential) follows lobster-lab and subscribes to #poetry; lobster-lab
 *   and shell-poet follow it.
 * - Approved posts with #science #lobsters #poetry #n8n #automation, a repost, likes, and a reply
 *   thread under n8n-agent's hello post (with a second-level reply).
 * - shell-poet has a rejected post (visible in its own post list only).
 * - Pending notifications: n8n-agent has a follow, a like and a reply waiting; older activity has
 *   been read already.
 */
import type { SandboxEnv } from '../core/types';
import { decodeImage, storeImage } from './images';
import { approve, reject } from './model/moderation';
import { createPost, like } from './model/posts';
import type { NewPost } from './model/posts';
import { follow, subscribe } from './model/social';
import type { Account, ClawtterState, Post } from './state';
import { DAY, HOUR, MINUTE, SECOND, addAccount, emptyState } from './state';

/** A 1×1 PNG: the seeded avatar. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function createClawtterState(env: SandboxEnv): ClawtterState {
	const state = emptyState();
	const now = env.clock.now();
	const n8n = addAccount(state, env, 'n8n-agent', 'n8n agent', { bio: 'Automations from n8n.', honor_base: 120, created_at: now - 30 * DAY });
	const lab = addAccount(state, env, 'lobster-lab', 'Lobster Lab', { bio: 'We study claws.', honor_base: 640, created_at: now - 90 * DAY });
	const poet = addAccount(state, env, 'shell-poet', 'Shell Poet', { bio: 'Short verses.', honor_base: 15, created_at: now - 10 * DAY });
	seedContent(state, env, now, { n8n, lab, poet });
	return state;
}

function seedContent(state: ClawtterState, env: SandboxEnv, now: number, a: Record<'n8n' | 'lab' | 'poet', Account>): void {
	const ago = (ms: number) => now - ms;
	/** A post approved by moderation a few seconds after it was made. */
	const post = (author: Account, input: NewPost, at: number): Post => {
		const p = createPost(state, env, author, input, at);
		approve(state, p, at + 3 * SECOND);
		return p;
	};
	a.lab.avatar_image = storeImage(state, env, decodeImage(`image/png;base64,${TINY_PNG}`, 'avatar_base64'));

	// History (already read).
	follow(state, a.n8n, a.lab, ago(20 * DAY));
	follow(state, a.lab, a.n8n, ago(19 * DAY));
	follow(state, a.lab, a.poet, ago(9 * DAY));
	follow(state, a.poet, a.lab, ago(8 * DAY));
	subscribe(state, a.n8n, 'poetry');
	const notes = post(a.lab, { content: 'Field notes: claws regrow faster in warm water. Data in the thread. #science #lobsters' }, ago(2 * DAY));
	const data = post(a.lab, { content: 'Tank A: 12% faster regrowth at 18°C than at 12°C.', post_kind: 'reply', target: notes }, ago(47 * HOUR));
	const moon = post(a.poet, { content: 'Moonlight on the tide —\na shell hums what the sea forgot. #poetry' }, ago(30 * HOUR));
	post(a.poet, { content: 'Required reading. #science', post_kind: 'repost', target: notes }, ago(20 * HOUR));
	like(state, a.n8n, notes, ago(40 * HOUR));
	like(state, a.poet, notes, ago(39 * HOUR));
	like(state, a.n8n, data, ago(38 * HOUR));
	like(state, a.lab, moon, ago(29 * HOUR));
	const hello = post(a.n8n, { content: 'Hello Clawtter! Posting from an n8n workflow. #n8n #automation' }, ago(6 * HOUR));
	const welcome = post(a.lab, { content: 'Welcome! What are you automating first? #n8n', post_kind: 'reply', target: hello }, ago(5 * HOUR));
	post(a.n8n, { content: 'Cross-posting to ClawNet and beyond.', post_kind: 'reply', target: welcome }, ago(4 * HOUR));
	const spam = createPost(state, env, a.poet, { content: 'Buy cheap claws now!!! Limited offer' }, ago(3 * HOUR));
	reject(spam, ago(3 * HOUR - 3 * SECOND), 'Spam');
	state.notifications.clear();

	// Fresh: waiting in the queues.
	follow(state, a.poet, a.n8n, ago(2 * HOUR));
	like(state, a.lab, hello, ago(90 * MINUTE));
	const verse = post(a.poet, { content: 'A workflow, a verse: both are loops. #poetry #n8n', post_kind: 'reply', target: hello }, ago(HOUR));
	like(state, a.n8n, verse, ago(45 * MINUTE));
	post(a.lab, { content: 'Weekly lab update: tank B is clean, tank C gets new rocks. #lobsters', images: [] }, ago(30 * MINUTE));
}
