/** Contacts (April 2026): the address book traffic fills, with notes, tags and trust tiers. */
import type { ClawNetApi } from '../api';
import { ok } from '../api';
import { invalid, notFound } from '../errors';
import { TRUST_TIERS, contactView } from '../model/contacts';
import { bodyOf, choiceParam, optionalText, stringList } from '../params';
import type { TrustTier } from '../state';
import { keyOf, stamp } from '../state';

export const NOTES_MAX = 2000;
export const TAGS_MAX = 20;

export function contactRoutes(api: ClawNetApi): void {
	const a2a = api.only('a2a');

	// Latest interaction first; `type`, `tag` and `q` (name, handle, notes) filter.
	a2a.authed('GET', '/contacts', ({ req, state, env, agent }) => {
		const type = req.query.type ? choiceParam(req, 'type', ['agent', 'email', 'external'] as const) : undefined;
		const tag = req.query.tag?.toLowerCase();
		const q = req.query.q?.toLowerCase();
		const contacts = state.contacts
			.filter((c) => c.owner === keyOf(agent) && (!type || c.type === type) && (!tag || c.tags.includes(tag)))
			.filter((c) => !q || [c.handle, c.name ?? '', c.notes].some((v) => v.toLowerCase().includes(q)))
			.sort((a, b) => b.last_interaction_at - a.last_interaction_at);
		return ok({ contacts: contacts.map((c) => contactView(env, c)) });
	});

	// `tags` replaces the list; `trust_tier`: public, trusted or blocked (blocked senders are refused).
	a2a.authed('PATCH', '/contacts/:contact_id', ({ req, state, env, agent }) => {
		const contact = state.contacts.find((c) => c.id === req.params.contact_id && c.owner === keyOf(agent));
		if (!contact) throw notFound(`Contact ${req.params.contact_id} not found`);
		const body = bodyOf(req);
		if (!['name', 'notes', 'tags', 'trust_tier'].some((f) => f in body)) throw invalid('Send name, notes, tags and/or trust_tier');
		const name = optionalText(body, 'name', { max: 100 });
		const notes = optionalText(body, 'notes', { max: NOTES_MAX });
		const tags = stringList(body, 'tags');
		if (tags && tags.length > TAGS_MAX) throw invalid(`tags must have at most ${TAGS_MAX} entries (got ${tags.length})`);
		const tier = body.trust_tier;
		if (tier !== undefined && !(TRUST_TIERS as readonly unknown[]).includes(tier)) throw invalid(`trust_tier must be one of: ${TRUST_TIERS.join(', ')}`);
		if (name !== undefined) contact.name = name === null || name.trim() === '' ? null : name.trim();
		if (notes !== undefined) contact.notes = notes ?? '';
		if (tags) contact.tags = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
		if (tier !== undefined) contact.trust_tier = tier as TrustTier;
		contact.updated_at = stamp(state, env);
		return ok({ contact: contactView(env, contact) });
	});
}
