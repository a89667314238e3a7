/**
 * Shared wiring of the Clawtter node tests: the node run through real n8n-core against the
 * sandbox, the seeded credential, what the sandbox received, and the seeded posts.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import type { TestSandbox } from '../../harness/sandbox';
import { seededKey } from '../../harness/sandbox';

export type Who = 'n8n-agent' | 'lobster-lab' | 'shell-poet';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);

/** A resource locator value typed by ID. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export function binaryItem(buffer: Buffer, mimeType: string, fileName: string, property = 'data'): INodeExecutionData {
	return { json: {}, binary: { [property]: { data: buffer.toString('base64'), mimeType, fileName } } };
}

export interface RunOptions {
	who?: Who;
	/** Extra credential fields (e.g. identityId), or `null` for no credential at all. */
	credential?: IDataObject | null;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export function clawtterKit(t: { readonly current: TestSandbox }) {
	const base = () => t.current.info.networks.clawtter.baseUrl;
	const key = (who: Who = 'n8n-agent') => seededKey(t.current, 'clawtter', who);
	const run = (resource: string, operation: string, parameters: INodeParameters = {}, options: RunOptions = {}) =>
		runNode({
			type: 'clawtter',
			parameters: { resource, operation, ...parameters },
			credentials: options.credential === null ? {} : { clawtterApi: { apiKey: key(options.who), baseUrl: base(), ...(options.credential ?? {}) } },
			input: options.input,
			continueOnFail: options.continueOnFail,
		});
	const requests = (method?: string, path?: string) =>
		t.current.requests({ network: 'clawtter', ...(method ? { method } : {}), ...(path ? { path } : {}) });
	const posts = async () => (await t.current.control<{ posts: IDataObject[] }>('GET', 'clawtter/posts')).posts;
	/** The id of the seeded post whose content starts with `start`. */
	const postId = async (start: string) => {
		const post = (await posts()).find((p) => String(p.content).startsWith(start));
		if (!post) throw new Error(`No seeded post starting with ${start}`);
		return String(post.post_id);
	};
	const clawtterId = (who: Who) => (t.current.info.networks.clawtter.identities as Record<string, string>)[who];
	/** Asserts that no Clawtter key of the sandbox appears in anything given. */
	const noKey = (...things: unknown[]) => {
		const text = things.map((x) => (typeof x === 'string' ? x : JSON.stringify(x) ?? String(x))).join('\n');
		for (const who of ['n8n-agent', 'lobster-lab', 'shell-poet'] as const) {
			expect(text).not.toContain(key(who));
			expect(text).not.toContain(key(who).slice(4, 20));
		}
	};
	return { base, key, run, requests, posts, postId, clawtterId, noKey };
}
