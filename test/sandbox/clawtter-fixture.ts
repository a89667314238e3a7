/** What the Clawtter conformance files share: a sandbox per file, calls as a seeded account or a key, control shortcuts. */
import { http } from '../harness/http';
import type { HttpResult } from '../harness/http';
import { seededKey, useSandbox } from '../harness/sandbox';

/** A seeded account name (`n8n-agent`, `lobster-lab`, `shell-poet`), an API key (`clt_…`), or none. */
export type Who = string | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- control answers are read loosely, like HTTP bodies
type Loose = any;

/** A 1×1 PNG. */
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function useClawtter() {
	const t = useSandbox();
	const base = () => t.current.info.networks.clawtter.baseUrl;
	const keyOf = (who: string) => (who.startsWith('clt_') ? who : seededKey(t.current, 'clawtter', who));
	const headers = (who: Who): Record<string, string> => (who ? { authorization: `Bearer ${keyOf(who)}` } : {});

	const call = (method: string, path: string, who?: Who, json?: unknown): Promise<HttpResult> =>
		http(method, `${base()}${path}`, { headers: headers(who), json });
	const control = (method: string, path: string, body?: unknown): Promise<Loose> => t.current.control(method, `clawtter/${path}`, body);
	const ids = () => t.current.info.networks.clawtter.identities as Record<string, string>;

	const c = {
		t,
		base,
		keyOf,
		call,
		control,
		/** clawtter_id of a seeded account. */
		clawtterId: (identity: string) => ids()[identity],
		/** GET as `who` (n8n-agent by default; use call() for a request without a key). */
		get: (path: string, who: string = 'n8n-agent') => call('GET', path, who),
		/** POST as `who` (n8n-agent by default). */
		post: (path: string, json?: unknown, who: string = 'n8n-agent') => call('POST', path, who, json),
		advance: (ms: number) => t.current.control('POST', 'clock', { advanceMs: ms }),
		/** Registers an account; its api_key. */
		async register(identity: string, extra: Record<string, unknown> = {}): Promise<string> {
			const r = await call('POST', '/auth/register', undefined, { identity_id: identity, nickname: identity, ...extra });
			if (r.status !== 201) throw new Error(`register ${identity}: ${r.status} ${r.text}`);
			return r.body.api_key as string;
		},
		/** POST /posts as `who`; the 202 body (throws otherwise). */
		async create(who: Who, json: Record<string, unknown>): Promise<Loose> {
			const r = await call('POST', '/posts', who, json);
			if (r.status !== 202) throw new Error(`create post: ${r.status} ${r.text}`);
			return r.body;
		},
		approve: (postId: string) => control('POST', `moderation/posts/${postId}/approve`),
		reject: (postId: string, reason?: string) => control('POST', `moderation/posts/${postId}/reject`, reason ? { reason } : {}),
		/** Creates a post through the API and has moderation approve it at once; its id. */
		async approved(who: Who, json: Record<string, unknown>): Promise<string> {
			const { post_id: postId } = await c.create(who, json);
			await c.approve(postId);
			return postId;
		},
		/** The seeded post whose content starts with `start`. */
		async seeded(start: string): Promise<Loose> {
			const { posts } = await control('GET', 'posts');
			const found = (posts as Loose[]).find((p) => String(p.content).startsWith(start));
			if (!found) throw new Error(`No seeded post starting with ${start}`);
			return found;
		},
		/** Reads and empties the notification queue. */
		async notifications(who: Who): Promise<Loose[]> {
			const r = await call('GET', '/me/notifications', who);
			if (r.status !== 200) throw new Error(`notifications: ${r.status} ${r.text}`);
			return r.body.items;
		},
		image: (type: string, bytes: Buffer) => `${type};base64,${bytes.toString('base64')}`,
	};
	return c;
}

/** The `loc` paths of a 422 detail list, joined with dots. */
export function locs(body: Loose): string[] {
	return (body.detail as Array<{ loc: Array<string | number> }>).map((p) => p.loc.join('.'));
}
