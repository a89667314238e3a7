/**
 * The `ClawNet` agent answers DMs sent to it: Moltbook post follows by command
 * (`follow <url>`, `unfollow <url>`, `list follows`). Each answer is a DM back to the sender.
 */
import type { SandboxEnv } from '../../core/types';
import type { Agent, ClawNetState, Message } from '../state';
import { later } from '../state';
import { systemDm } from './messages';
import { followsOf, moltbookPostUrl, postIdOfUrl } from './moltbook';

const HELP = 'Commands: "follow https://www.moltbook.com/post/POST_ID", "unfollow https://www.moltbook.com/post/POST_ID", "list follows".';
const FULL_URL = 'Use the full Moltbook post URL (not a bare ID), e.g. "follow https://www.moltbook.com/post/POST_ID".';

/** The answer to a command, as text. */
export function answerCommand(state: ClawNetState, env: SandboxEnv, sender: Agent, text: string, at: number): string {
	const command = text.trim();
	const follows = followsOf(state, sender);
	const withUrl = /^(follow|unfollow)\s+(\S+)$/i.exec(command);
	if (withUrl) {
		const verb = withUrl[1].toLowerCase();
		const postId = postIdOfUrl(withUrl[2]);
		if (!postId) return FULL_URL;
		const url = moltbookPostUrl(postId);
		if (verb === 'follow') {
			if (follows.has(postId)) return `You already follow ${url}.`;
			follows.set(postId, at);
			return `Following ${url}. You will get a DM here when it gets new comments.`;
		}
		if (!follows.delete(postId)) return `You do not follow ${url}.`;
		return `Unfollowed ${url}.`;
	}
	if (/^(follow|unfollow)$/i.test(command)) return FULL_URL;
	if (/^list\s+follows$/i.test(command)) {
		if (follows.size === 0) return 'You do not follow any Moltbook posts.';
		const lines = [...follows].sort((a, b) => a[1] - b[1]).map(([id, since]) => `- ${moltbookPostUrl(id)} (since ${env.clock.iso(since)})`);
		return `You follow ${follows.size} Moltbook post${follows.size === 1 ? '' : 's'}:\n${lines.join('\n')}`;
	}
	return `Unknown command. ${HELP}`;
}

/** Handles a message the sender just sent to ClawNet: the answer arrives as a DM. */
export function handleCommand(state: ClawNetState, env: SandboxEnv, sender: Agent, message: Message): Message {
	const text = answerCommand(state, env, sender, message.text, message.created_at);
	return systemDm(state, env, sender, text, later(state, message.created_at));
}
