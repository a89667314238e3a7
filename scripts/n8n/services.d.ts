/** Types of scripts/n8n/services.js (plain JS): Redis and PostgreSQL for n8n's queue mode in tests. */
export interface Services {
	redis: { host: string; port: number };
	postgres: { host: string; port: number; user: string; database: string };
	stop(): Promise<void>;
}
/**
 * Throw-away Redis and PostgreSQL on free loopback ports in a temporary folder (installs Debian's
 * redis-server / postgresql first when missing: apt-get as root, or sudo -n).
 */
export function startServices(): Promise<Services>;
