/** GET /notifications, POST /notifications/read-all, GET /mentions. */
import { limitAgent } from '../auth';
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { notificationView, notificationsOf, readAll } from '../model/notifications';
import { flagParam, limitParam, newestFirst, timeParam } from '../params';
import { keyOf, stamp } from '../state';
import { postPage } from './shared';

export function notificationRoutes(api: ClawNetApi): void {
	// Groups, most recently active first; `before` pages on last_at.
	api.authed('GET', '/notifications', ({ req, state, env, agent }) => {
		limitAgent(env, 'notifications', agent);
		const limit = limitParam(req, 50, 200);
		const before = timeParam(req, 'before');
		const unread = flagParam(req, 'unread');
		const groups = notificationsOf(state, agent).filter((n) => !unread || n.read_at === null);
		const page = newestFirst(groups, (n) => ({ at: n.last_at, id: n.id }), { before }, limit);
		return ok({ notifications: page.map((n) => notificationView(env, n)) });
	});

	api.authed('POST', '/notifications/read-all', ({ state, env, agent }) => ok({ marked_read: readAll(state, agent, stamp(state, env)) }));

	// Posts (replies included) by others that mention you, newest first.
	api.authed('GET', '/mentions', (call) => {
		const me = keyOf(call.agent);
		const posts = [...call.state.posts.values()].filter((p) => p.agent_id.toLowerCase() !== me && p.mentions.some((m) => m.toLowerCase() === me));
		return ok({ posts: postPage(call, posts) });
	});
}
