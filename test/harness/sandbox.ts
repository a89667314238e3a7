/**
 * Starts the sandbox in the test process on free loopback ports and talks to its control API
 * over real HTTP, like any other client would.
 */
import { resetBudgets } from '../../nodes/shared/rateLimit';
import { createSandbox } from '../../sandbox';
import type { FaultInput, FaultRule, LoggedRequest, Sandbox, SandboxInfo, SandboxOptions } from '../../sandbox';

export interface TestSandbox {
	sandbox: Sandbox;
	info: SandboxInfo;
	/** Calls the control API: POST/GET/DELETE /_control/<path>. */
	control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** Requests the sandbox received, optionally filtered (network, method, path). */
	requests(filter?: { network?: string; method?: string; path?: string }): Promise<LoggedRequest[]>;
	fault(rule: FaultInput): Promise<FaultRule>;
	reset(): Promise<void>;
}

/** `options.settings` picks per-network settings, e.g. `{ clawnet: { generation: 'a2a' } }` (kept across resets). */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
	const sandbox = createSandbox(options);
	let info = await sandbox.start();
	const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${info.control}/_control/${path.replace(/^\//, '')}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`Control ${method} ${path} failed: ${response.status} ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	};
	return {
		sandbox,
		get info() {
			return info;
		},
		control,
		async requests(filter = {}) {
			const qs = new URLSearchParams(filter as Record<string, string>).toString();
			const result = await control<{ requests: LoggedRequest[] }>('GET', `requests${qs ? `?${qs}` : ''}`);
			return result.requests;
		},
		fault: (rule) => control<FaultRule>('POST', 'faults', rule),
		async reset() {
			info = await control<SandboxInfo>('POST', 'reset');
		},
	};
}

/** Jest wiring: one sandbox per test file, reset to its seed (and start settings) before each test. */
export function useSandbox(options: SandboxOptions = {}): { readonly current: TestSandbox } {
	const holder: { current?: TestSandbox } = {};
	beforeAll(async () => {
		holder.current = await startTestSandbox(options);
	});
	beforeEach(async () => {
		await holder.current?.reset();
		// The nodes' rate-limit budgets live in the process: a reset sandbox starts them afresh.
		resetBudgets();
	});
	afterAll(async () => {
		await holder.current?.sandbox.stop();
	});
	return {
		get current() {
			if (!holder.current) throw new Error('Sandbox not started');
			return holder.current;
		},
	};
}

/** The seeded credentials of a network, e.g. key('clawnet', 'n8n_agent'). */
export function seededKey(t: TestSandbox, network: 'clawnet' | 'clawtter' | 'clawpost', who: string): string {
	const key = (t.info.networks[network].credentials as Record<string, string>)[who];
	if (!key) throw new Error(`No seeded ${network} credential for ${who}`);
	return key;
}
