/** Facebook groups of a tenant's user, and which group a job targets. */
import { invalid } from '../errors';
import type { ButtonState, FacebookGroup, Job, Tenant } from '../state';

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

/** The group a Facebook job posts to; a group the user's account does not list counts as joined. */
export function groupOf(tenant: Tenant, job: Job): FacebookGroup | undefined {
	const payload = job.platformPayload;
	if (job.platform !== 'facebook' || !payload) return undefined;
	const ref = payload.groupId ?? (payload.groupUrl ? groupRefFromUrl(payload.groupUrl) : undefined);
	if (ref === undefined) return undefined;
	return findGroup(tenant, ref) ?? { id: ref, name: ref, buttonState: 'joined' };
}

export const BUTTON_STATES: readonly ButtonState[] = ['joined', 'requested', 'not_member'];
