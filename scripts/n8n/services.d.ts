/** Types of scripts/n8n/services.js (plain JS): Redis and PostgreSQL for n8n's queue mode in tests. */
export interface Services {
	folder: string;
	redis: { host: string; port: number };
	postgres: { host: string; port: number; user: string; database: string };
	stop(): Promise<void>;
}
/** Installs Debian's redis-server / postgresql when missing (apt-get as root, or sudo -n). */
export function ensureServicePackages(): { redisServer: string; postgresBin: string };
/** Throw-away Redis and PostgreSQL on free loopback ports in a temporary folder. */
export function startServices(): Promise<Services>;
export function postgresBin(): string | undefined;
