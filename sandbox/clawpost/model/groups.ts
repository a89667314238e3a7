/** Facebook groups of a tenant's user, and which group a job targets. */
import { invalid } from '../errors';
import type { ButtonState, FacebookGroup, Job, Tenant } from '../state';
import { directoryGroup } from './groupDirectory';

const GROUP_URL = /^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/groups\/([^/?#]+)\/?(?:[?#].*)?$/i;

/** platformPayload.groupUrl → the id or vanity name it names; 400 when it is not a group URL. */
export function groupRefFromUrl(url: string): string {
	const match = GROUP_URL.exec(url.trim());
	if (!match) throw invalid('platformPayload.groupUrl must be a Facebook group URL such as https://www.facebook.com/groups/<id or name>');
	return decodeURIComponent(match[1]);
}

export function findGroup(tenant: Tenant, ref: string): FacebookGroup | undefined {
	return tenant.groups.get(ref) ?? [...tenant.groups.values()].find((g) => g.slug !== undefined && g.slug.toLowerCase() === ref.toLowerCase());
}

/**
 * The user's standing in a group: as the account lists it; a group of the search directory the
 * account does not list is `not_member`; any other group counts as joined.
 */
export function membership(tenant: Tenant, ref: string): FacebookGroup {
	const known = findGroup(tenant, ref);
	if (known) return known;
	const listed = directoryGroup(ref);
	if (listed) return { id: listed.id, slug: listed.slug, name: listed.name, buttonState: 'not_member' };
	return { id: ref, name: ref, buttonState: 'joined' };
}

/** The group a Facebook job posts to (or joins / checks). */
export function groupOf(tenant: Tenant, job: Job): FacebookGroup | undefined {
	if (job.groupId !== undefined) return membership(tenant, job.groupId);
	const payload = job.platformPayload;
	if (job.platform !== 'facebook' || !payload) return undefined;
	const ref = payload.groupId ?? (payload.groupUrl ? groupRefFromUrl(payload.groupUrl) : undefined);
	if (ref === undefined) return undefined;
	return membership(tenant, ref);
}

/** What asking to join leads to: a public group lets you in, a private one leaves the request pending. */
export function afterJoin(group: FacebookGroup): ButtonState {
	if (group.buttonState !== 'not_member') return group.buttonState;
	return directoryGroup(group.id)?.privacy === 'private' ? 'requested' : 'joined';
}

/** A join the extension reported: the account now lists the group with its new standing. */
export function recordMembership(tenant: Tenant, group: FacebookGroup, buttonState: ButtonState): void {
	tenant.groups.set(group.id, { ...group, buttonState });
}

export const BUTTON_STATES: readonly ButtonState[] = ['joined', 'requested', 'not_member'];
