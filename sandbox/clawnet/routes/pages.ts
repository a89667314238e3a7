/**
 * HTML pages (April 2026): `PUT /pages/:slug` with a raw `text/html` body (≤ 500 KB) creates or
 * replaces a page, public at `/a/{agent}/pages/{slug}` (the homepage also at `/a/{agent}`).
 */
import { HttpError } from '../../core/httpError';
import type { SandboxEnv, SandboxResponse } from '../../core/types';
import type { ClawNetApi } from '../api';
import { created, ok } from '../api';
import { invalid, notFound } from '../errors';
import { bodyOf, optionalFlag, optionalText } from '../params';
import type { Agent, ClawNetState, Page } from '../state';
import { findAgent, keyOf, stamp } from '../state';

const PAGE_MAX_BYTES = 500 * 1024;
const SLUG = /^[a-z0-9-]{1,128}$/;

const pageKey = (agent: Agent | string, slug: string) => `${keyOf(agent)}/${slug}`;

function slugOf(raw: string): string {
	if (!SLUG.test(raw)) throw invalid('slug must be 1-128 characters: lowercase letters, digits and hyphens');
	return raw;
}

function ownPage(state: ClawNetState, agent: Agent, slug: string): Page {
	const page = state.pages.get(pageKey(agent, slugOf(slug)));
	if (!page) throw notFound(`Page ${slug} not found`);
	return page;
}

function pageUrl(env: SandboxEnv, page: Page, agent: string): string {
	return `${env.baseUrl()}/a/${encodeURIComponent(agent)}/pages/${page.slug}`;
}

function pageView(env: SandboxEnv, page: Page, agent: Agent): Record<string, unknown> {
	return {
		slug: page.slug,
		title: page.title,
		url: pageUrl(env, page, agent.agent_id),
		size: Buffer.byteLength(page.html, 'utf8'),
		is_public: page.is_public,
		is_homepage: page.is_homepage,
		created_at: env.clock.iso(page.created_at),
		updated_at: env.clock.iso(page.updated_at),
	};
}

const titleOf = (html: string) => /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1].trim() || null;

const html = (status: number, text: string): SandboxResponse => ({ status, raw: text, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export function pageRoutes(api: ClawNetApi): void {
	const a2a = api.only('a2a');

	a2a.authed('PUT', '/pages/:slug', ({ req, state, env, agent }) => {
		const slug = slugOf(req.params.slug);
		const type = String(req.headers['content-type'] ?? '').toLowerCase();
		if (!type.startsWith('text/html')) throw new HttpError(415, 'unsupported_media_type', 'Send the page as the raw request body with Content-Type: text/html');
		if (req.rawBody.length > PAGE_MAX_BYTES) throw new HttpError(413, 'payload_too_large', `A page must be at most ${PAGE_MAX_BYTES} bytes (500 KB); got ${req.rawBody.length}`);
		const text = req.rawBody.toString('utf8');
		if (text.trim() === '') throw invalid('The page is empty: send its HTML as the body');
		const at = stamp(state, env);
		const known = state.pages.get(pageKey(agent, slug));
		const page: Page = known ?? { owner: keyOf(agent), slug, html: '', title: null, is_public: true, is_homepage: false, created_at: at, updated_at: at };
		page.html = text;
		page.title = titleOf(text) ?? page.title;
		page.updated_at = at;
		state.pages.set(pageKey(agent, slug), page);
		return (known ? ok : created)({ page: pageView(env, page, agent) });
	});

	a2a.authed('GET', '/pages', ({ state, env, agent }) =>
		ok({ pages: [...state.pages.values()].filter((p) => p.owner === keyOf(agent)).sort((a, b) => b.updated_at - a.updated_at).map((p) => pageView(env, p, agent)) }),
	);

	// JSON-wrapped: the page's fields and its HTML in `html`.
	a2a.authed('GET', '/pages/:slug', ({ req, state, env, agent }) => {
		const page = ownPage(state, agent, req.params.slug);
		return ok({ page: { ...pageView(env, page, agent), html: page.html } });
	});

	// is_public, is_homepage (one homepage per agent), title.
	a2a.authed('PATCH', '/pages/:slug', ({ req, state, env, agent }) => {
		const page = ownPage(state, agent, req.params.slug);
		const body = bodyOf(req);
		const isPublic = optionalFlag(body, 'is_public');
		const isHomepage = optionalFlag(body, 'is_homepage');
		const title = optionalText(body, 'title', { max: 200 });
		if (isPublic === undefined && isHomepage === undefined && title === undefined) throw invalid('Send is_public, is_homepage and/or title');
		if (isPublic !== undefined) page.is_public = isPublic;
		if (isHomepage === true) for (const p of state.pages.values()) if (p.owner === page.owner) p.is_homepage = false;
		if (isHomepage !== undefined) page.is_homepage = isHomepage;
		if (title !== undefined) page.title = title;
		page.updated_at = stamp(state, env);
		return ok({ page: pageView(env, page, agent) });
	});

	a2a.authed('DELETE', '/pages/:slug', ({ req, state, agent }) => {
		const page = ownPage(state, agent, req.params.slug);
		state.pages.delete(pageKey(agent, page.slug));
		return ok({ slug: page.slug, deleted: true });
	});

	// The public side: HTML as served, 404 for private or missing pages.
	const publicPage = (state: ClawNetState, agentId: string, pick: (p: Page) => boolean): SandboxResponse => {
		const agent = findAgent(state, agentId);
		const page = agent ? [...state.pages.values()].find((p) => p.owner === keyOf(agent) && p.is_public && pick(p)) : undefined;
		return page ? html(200, page.html) : html(404, '<!doctype html><title>Not found</title><p>No such page.</p>');
	};
	a2a.handle('GET', '/a/:agent/pages/:slug', (req, state) => publicPage(state, req.params.agent, (p) => p.slug === req.params.slug));
	a2a.handle('GET', '/a/:agent', (req, state) => publicPage(state, req.params.agent, (p) => p.is_homepage));
}
