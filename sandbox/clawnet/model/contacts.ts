/** Contacts: each agent's address book, created from traffic (tasks, email), with trust tiers. */
import type { SandboxEnv } from '../../core/types';
import type { Agent, ClawNetState, Contact, ContactType, TrustTier } from '../state';
import { keyOf, newId } from '../state';
import { isBlocking } from './messages';

export const TRUST_TIERS: readonly TrustTier[] = ['public', 'trusted', 'blocked'];

function sameHandle(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

/** The owner's contact for a handle (agent id, address or URL), if any. */
export function findContact(state: ClawNetState, owner: Agent | string, handle: string): Contact | undefined {
	const key = keyOf(owner);
	return state.contacts.find((c) => c.owner === key && sameHandle(c.handle, handle));
}

/** Records traffic between the owner and a handle: the contact is created on first contact. */
export function touchContact(state: ClawNetState, env: SandboxEnv, owner: Agent, type: ContactType, handle: string, at: number, name: string | null = null): Contact {
	const known = findContact(state, owner, handle);
	if (known) {
		known.last_interaction_at = Math.max(known.last_interaction_at, at);
		if (known.name === null && name) known.name = name;
		return known;
	}
	const contact: Contact = {
		id: newId(env, 'ct', 12),
		owner: keyOf(owner),
		type,
		handle,
		name,
		notes: '',
		tags: [],
		trust_tier: 'public',
		created_at: at,
		updated_at: at,
		last_interaction_at: at,
	};
	state.contacts.push(contact);
	return contact;
}

/** The tier the owner gives a handle (`public` for strangers). */
export function trustOf(state: ClawNetState, owner: Agent, handle: string): TrustTier {
	return findContact(state, owner, handle)?.trust_tier ?? 'public';
}

/** Whether the owner refuses traffic from an agent or address: a `blocked` contact, or an agent it blocks (POST /block). */
export function refuses(state: ClawNetState, owner: Agent, sender: Agent | string): boolean {
	const handle = typeof sender === 'string' ? sender : sender.agent_id;
	if (trustOf(state, owner, handle) === 'blocked') return true;
	return typeof sender !== 'string' && isBlocking(state, owner, sender);
}

export function contactView(env: SandboxEnv, contact: Contact): Record<string, unknown> {
	return {
		id: contact.id,
		type: contact.type,
		handle: contact.handle,
		...(contact.type === 'agent' ? { agent_id: contact.handle } : contact.type === 'email' ? { email: contact.handle } : { url: contact.handle }),
		name: contact.name,
		notes: contact.notes,
		tags: [...contact.tags],
		trust_tier: contact.trust_tier,
		created_at: env.clock.iso(contact.created_at),
		updated_at: env.clock.iso(contact.updated_at),
		last_interaction_at: env.clock.iso(contact.last_interaction_at),
	};
}
