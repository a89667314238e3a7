/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only types (scripts/n8n), never in dist/ */
/** Types of scripts/n8n/lib.js (plain JS, shared by `npm start` and test/e2e). */
import type { ChildProcess } from 'node:child_process';

import type { N8nRuntime } from './runtime';

export const ROOT: string;
export const PACKAGE_NAME: string;
export const EXAMPLES_DIR: string;
export const OWNER: { email: string; password: string; firstName: string; lastName: string };
export const CREDENTIAL_IDS: { clawNetApi: string; clawtterApi: string; clawPostApi: string; openAiApi: string };
export const SANDBOX_ACCOUNTS: { clawnet: string; clawtter: string; clawpost: string };

/** The part of the sandbox's `GET /_control/info` used here. */
export interface SandboxInfoLike {
	networks: Record<string, { baseUrl: string; credentials?: unknown }>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CommandResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

export interface N8nProcess {
	child: ChildProcess;
	pid: number;
	/** http://127.0.0.1:<port> */
	url: string;
	stop(graceMs?: number): Promise<void>;
	ready(timeoutMs?: number): Promise<void>;
	exited(): boolean;
}

export function freePort(): Promise<number>;
export function portInUse(port: number): Promise<boolean>;
export function n8nEnv(options: {
	runtime: N8nRuntime;
	userFolder: string;
	port?: number;
	brokerPort: number;
	extra?: Record<string, string>;
}): Record<string, string>;
export function installPackedPackage(userFolder: string): string;
export function sandboxCredentials(info: SandboxInfoLike): Array<{ id: string; name: string; type: string; data: Record<string, string> }>;
export function exampleWorkflows(): Array<{ file: string; workflow: WorkflowJson }>;
export function runN8n(
	runtime: N8nRuntime,
	args: string[],
	options?: { env?: Record<string, string>; timeoutMs?: number; allowFailure?: boolean },
): Promise<CommandResult>;
export function prepareUserFolder(options: {
	runtime: N8nRuntime;
	userFolder: string;
	sandboxInfo: SandboxInfoLike;
	workflows?: WorkflowJson[];
	onlyChanged?: boolean;
	publish?: string[];
	env?: Record<string, string>;
}): Promise<{ imported: string[]; workflows: WorkflowJson[] }>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the execution n8n prints is arbitrary JSON
export function executeWorkflow(runtime: N8nRuntime, id: string, options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<{ run: any; stdout: string; stderr: string }>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see executeWorkflow
export function nodeOutput(run: any, nodeName: string): Array<Array<Record<string, any>>>;
/** A process launched in its own group by launchGroup (n8n, or a test service). */
export interface GroupProcess {
	child: ChildProcess;
	pid: number;
	exited(): boolean;
	/** SIGTERM to the group, SIGKILL after `graceMs`, then SIGKILL to anything left in the group. */
	stop(graceMs?: number): Promise<void>;
	/** Polls `check` until true; rejects (with the log's tail) if the process exits first or the timeout passes. */
	waitUntil(check: () => boolean | Promise<boolean>, options: { timeoutMs: number; intervalMs?: number }): Promise<void>;
}
export function launchGroup(
	command: string,
	args: string[],
	options: { env?: Record<string, string | undefined>; logFile: string; uid?: number; gid?: number; what?: string; graceMs?: number },
): GroupProcess;
/** `command` 'worker' runs `n8n worker`, waited for on QUEUE_HEALTH_CHECK_PORT (QUEUE_HEALTH_CHECK_ACTIVE=true). */
export function launchN8n(runtime: N8nRuntime, options: { env: Record<string, string>; logFile: string; command?: 'start' | 'worker' }): N8nProcess;
export function startN8n(runtime: N8nRuntime, options: { env: Record<string, string>; logFile: string; timeoutMs?: number; command?: 'start' | 'worker' }): Promise<N8nProcess>;
export function signIn(url: string): Promise<string>;
export function nodeTypes(url: string, cookie: string): Promise<Array<{ name: string; displayName: string; version: number | number[]; iconUrl?: unknown; [key: string]: unknown }>>;
/** Registers values (keys, tokens) that error messages of this module mask (`***` + last four). */
export function redactSecrets(values: string[]): void;
