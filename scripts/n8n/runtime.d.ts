/** Types of scripts/n8n/runtime.js (plain JS, so that it runs on Node 20 without a build). */
export interface N8nRuntime {
	dir: string;
	/** Node 24's binary. */
	node: string;
	nodeHome: string;
	/** n8n's bin script: run it as `node <n8n> <command>`. */
	n8n: string;
	/** The folder whose node_modules holds n8n and its dependencies. */
	n8nHome: string;
	n8nVersion: string;
	nodeVersion: string;
}
export const N8N_VERSION: string;
export const NODE_VERSION: string;
export function cacheRoot(): string;
export function runtimeDir(): string;
/** The runtime if fully installed (its marker written), else undefined; installs nothing. */
export function installedRuntime(): N8nRuntime | undefined;
/** Installs the runtime if needed (minutes, once; progress on stderr) and returns it. Synchronous. */
export function ensureRuntime(): N8nRuntime;
/** The pinned Node's binary: the runtime's, else a Node-only install (made now if needed). Synchronous. */
export function ensureNode(): string;
/** Which of g++, make, python3 (needed to build sqlite3) are not on PATH. */
export function missingBuildTools(): string[];
