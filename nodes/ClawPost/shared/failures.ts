/** What each job failure code means and what to do, from the Claw Post reference. */
export const FAILURE_REMEDIES: Record<string, string> = {
	not_logged_in: 'The user is not logged in to the platform in the paired browser: log in to x.com, linkedin.com, … and retry.',
	no_x_tab: 'No x.com or twitter.com tab is open in the paired browser: open x.com and retry.',
	no_platform_tab: 'No tab is open for the job\'s platform (e.g. linkedin.com for LinkedIn): open the site in a tab and retry.',
	content_script_unavailable: 'The extension could not reach the tab (it may have just loaded): refresh the tab and retry.',
	selector_not_found: 'The platform\'s page elements were not found (its UI may have changed): retry, or contact Claw Post support.',
	rate_limited: 'The platform rate-limited the account: wait, then retry.',
	network_error: 'A network error happened while posting: retry.',
	group_not_approved:
		'The user is not approved to post in this Facebook group (not a member, or approval pending): do not retry until the user has joined or been approved.',
	media_fetch_failed: 'The extension could not download the media (e.g. an expired signed URL): upload the media again and retry.',
	challenge_required:
		'The platform showed a security check (captcha or checkpoint) in the paired browser: the user must solve it there, then retry.',
	unknown_error: 'Unclassified error: read the error message.',
};

/** Failure codes after which retrying the same job cannot help until the user acts. */
export const DO_NOT_RETRY = new Set(['group_not_approved', 'challenge_required']);
