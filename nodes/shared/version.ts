/** Package identity sent on every request. A test keeps PACKAGE_VERSION equal to package.json. */
export const PACKAGE_NAME = 'n8n-nodes-claw-social';
export const PACKAGE_VERSION = '0.1.0';

/** ClawNet's edge rejects default user agents, so every request names the package. */
export const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION} (n8n community node)`;
