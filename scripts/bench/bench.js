'use strict';
/**
 * The benchmark (`npm run bench`; run it through scripts/bench/run.js). One process, one run, on
 * the pinned runtime's Node 24 with its n8n-core / n8n-workflow / n8n-nodes-base; the sandbox runs
 * in a child process so that CPU figures are the client's alone. Prints one table:
 *
 * - per-item client CPU of Message → Send and Post → Get: this package vs n8n's HTTP Request node
 *   (v4, header auth, the same requests) vs the declarative floor (below; also padded to the
 *   ClawNet node's number of top-level properties) vs plain fetch;
 *   interleaved repetitions, medians;
 * - peak heap of a Return All of 10,000 and of a 10,000-item batch; requests per Return All vs
 *   ceil(N / max page);
 * - requests of an idle and a busy ClawNet Trigger poll (New Direct Message);
 * - the rate-limited batch: 200 sends at 60/hour with the sandbox's hour lasting 2 s: time vs the
 *   minimum the limit imposes, delivered, duplicates, failed items; again with Retry On Fail on and
 *   two injected 500s.
 *
 * Environment: CLAW_BENCH_N8N_HOME (set by run.js), BENCH_ITEMS (default 1000), BENCH_REPS
 * (default 21), BENCH_BIG (default 10000); BENCH_ONLY=per-item stops after the per-item rows;
 * BENCH_PROFILE=send|get runs only one contender's operation (BENCH_REPS × BENCH_ITEMS items;
 * BENCH_PROFILE_WHO=claw|http|floor|sized, default claw), for a CPU profile:
 *   BENCH_PROFILE=send CLAW_BENCH_N8N_HOME=<runtime>/n8n <runtime node> --cpu-prof scripts/bench/bench.js
 */
const Module = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const N8N_HOME = process.env.CLAW_BENCH_N8N_HOME;
if (!N8N_HOME) throw new Error('Run the benchmark with `npm run bench` (scripts/bench/run.js)');
const NM = path.join(N8N_HOME, 'node_modules');
const ROOT = path.resolve(__dirname, '../..');

// The package's dist/ files require 'n8n-workflow': give them the runtime's copy (the one n8n-core uses).
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
	if (/^n8n-(workflow|core)(\/|$)/.test(request) && parent && parent.filename && !parent.filename.startsWith(NM)) {
		return resolve.call(this, request, parent, isMain, { paths: [NM] });
	}
	return resolve.call(this, request, parent, isMain, options);
};

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'claw-bench-'));
const { WorkflowExecute, ExecutionLifecycleHooks, PollContext, TriggersAndPollers } = require('n8n-core');
const { Workflow, NodeHelpers, ICredentialsHelper, isExpression } = require('n8n-workflow');

const { ClawNet } = require(path.join(ROOT, 'dist/nodes/ClawNet/ClawNet.node.js'));
const { ClawNetTrigger } = require(path.join(ROOT, 'dist/nodes/ClawNet/ClawNetTrigger.node.js'));
const { ClawNetApi } = require(path.join(ROOT, 'dist/credentials/ClawNetApi.credentials.js'));
const { resetBudgets } = require(path.join(ROOT, 'dist/nodes/shared/rateLimit.js'));
const { HttpRequest } = require(path.join(NM, 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js'));
const { HttpHeaderAuth } = require(path.join(NM, 'n8n-nodes-base/dist/credentials/HttpHeaderAuth.credentials.js'));

/**
 * The declarative floor: the smallest declarative node that makes the same requests, written as
 * n8n's starter teaches (parameters routed with `routing.send`, the path from a parameter in a
 * `routing.request.url` expression, a literal base URL), using this package's credential. n8n-core
 * runs it exactly as it runs this package's nodes; what it costs above the HTTP Request node is
 * the declarative engine's own price, which no declarative node can go below.
 */
class DeclarativeFloor {
	/** `size`: pad the node to this many top-level properties (fields of other operations, never shown here). */
	constructor(baseURL, size = 0) {
		this.description = {
			displayName: 'Declarative Floor',
			name: 'declarativeFloor',
			group: ['transform'],
			version: 1,
			description: 'The minimal declarative node',
			defaults: { name: 'Declarative Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'clawNetApi', required: true }],
			requestDefaults: { baseURL, headers: { Accept: 'application/json' }, json: true },
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					default: 'send',
					options: [
						{ name: 'Send', value: 'send', routing: { request: { method: 'POST', url: '/send' } } },
						{ name: 'Get', value: 'get', routing: { request: { method: 'GET', url: '=/posts/{{$parameter.postId}}' } } },
					],
				},
				{ displayName: 'To', name: 'to', type: 'string', default: '', displayOptions: { show: { operation: ['send'] } }, routing: { send: { type: 'body', property: 'to' } } },
				{ displayName: 'Message', name: 'message', type: 'string', default: '', displayOptions: { show: { operation: ['send'] } }, routing: { send: { type: 'body', property: 'message' } } },
				{ displayName: 'Post ID', name: 'postId', type: 'string', default: '', displayOptions: { show: { operation: ['get'] } } },
			],
		};
		const own = this.description.properties.length;
		for (let i = own; i < size; i++) {
			this.description.properties.push({
				displayName: `Field ${i}`,
				name: `field${i}`,
				type: 'string',
				default: '',
				displayOptions: { show: { operation: [`other${i % 20}`] } },
				routing: { send: { type: 'body', property: `field${i}` } },
			});
		}
	}
}

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const REPS = Number(process.env.BENCH_REPS ?? 21);
const BIG = Number(process.env.BENCH_BIG ?? 10000);

// ---------------------------------------------------------------- a minimal n8n-core harness

const CREDENTIAL_TYPES = Object.fromEntries([new ClawNetApi(), new HttpHeaderAuth()].map((c) => [c.name, c]));
const NODE_TYPES = { clawNet: new ClawNet(), clawNetTrigger: new ClawNetTrigger(), httpRequest: new HttpRequest() };
const nodeTypes = {
	getByName: (type) => NODE_TYPES[type.split('.').pop()],
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(NODE_TYPES[type.split('.').pop()], version),
	getKnownTypes: () => ({}),
};

class CredentialsHelper extends ICredentialsHelper {
	constructor(credentials) {
		super();
		this.credentials = credentials;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const auth = CREDENTIAL_TYPES[typeName]?.authenticate;
		if (!auth) return requestOptions;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		const value = (v) => (isExpression(v) ? String(workflow.expression.getSimpleParameterValue(node, v, 'internal', { $credentials: credentials }, undefined, '') ?? '') : v);
		for (const [outer, inner] of Object.entries(auth.properties)) {
			const target = (requestOptions[outer] ??= {});
			for (const [k, v] of Object.entries(inner)) target[value(k)] = value(String(v));
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials() {
		throw new Error('not used');
	}
	async getDecrypted(_a, _n, type) {
		const defaults = Object.fromEntries(CREDENTIAL_TYPES[type].properties.map((p) => [p.name, p.default]));
		return { ...defaults, ...this.credentials[type] };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type) {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}
}

let executions = 0;
function additionalData(credentials, hooks) {
	return {
		credentialsHelper: new CredentialsHelper(credentials),
		hooks,
		executionId: `bench-${++executions}`,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'bench',
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
}

/** The node's parameters as the editor saves them (defaults of the shown parameters filled in). */
function saved(type, version, parameters) {
	const description = nodeTypes.getByNameAndVersion(type, version).description;
	try {
		return NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? parameters;
	} catch {
		return parameters;
	}
}

/** Runs one node through WorkflowExecute, as n8n runs a workflow's node. */
async function runNode({ type, version = 1, parameters, credentials, input, settings = {} }) {
	const node = {
		id: 'bench-node',
		name: 'Node',
		// n8n-core gives the HTTP Request node access to any credential by its full type name.
		type: type === 'httpRequest' ? 'n8n-nodes-base.httpRequest' : `n8n-nodes-claw-social.${type}`,
		typeVersion: version,
		position: [0, 0],
		parameters: saved(type, version, parameters),
		credentials: Object.fromEntries(Object.keys(credentials).map((t) => [t, { id: `${t}-id`, name: t }])),
		...settings,
	};
	const workflow = new Workflow({ id: 'bench', nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', `bench-${executions + 1}`, { id: 'bench', name: 'bench', active: false, isArchived: false, nodes: [node], connections: {}, settings: {}, createdAt: new Date(), updatedAt: new Date(), activeVersionId: null });
	let finished;
	const done = new Promise((r) => (finished = r));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const data = {
		resultData: { runData: {} },
		executionData: { contextData: {}, metadata: {}, nodeExecutionStack: [{ node, data: { main: [input] }, source: null }], waitingExecution: {}, waitingExecutionSource: null },
	};
	await new WorkflowExecute(additionalData(credentials, hooks), 'manual', data).processRunExecutionData(workflow);
	const run = await done;
	const task = run.data.resultData.runData[node.name]?.[0];
	return { items: task?.data?.main?.[0] ?? [], error: task?.error ?? run.data.resultData.error };
}

async function runPoll(parameters, credentials, staticData) {
	const node = { id: 'bench-trigger', name: 'Trigger', type: 'n8n-nodes-claw-social.clawNetTrigger', typeVersion: 1, position: [0, 0], parameters: saved('clawNetTrigger', 1, parameters), credentials: { clawNetApi: { id: 'clawNetApi-id', name: 'clawNetApi' } } };
	const workflow = new Workflow({ id: 'bench-poll', nodes: [node], connections: {}, active: true, nodeTypes, staticData: JSON.parse(JSON.stringify(staticData ?? {})) });
	const context = new PollContext(workflow, node, additionalData(credentials), 'trigger', 'activate');
	const result = await new TriggersAndPollers().runPollFunction(workflow, node, context);
	return { items: result ? result[0] : [], staticData: JSON.parse(JSON.stringify(workflow.staticData)) };
}

// ---------------------------------------------------------------- the sandbox, in a child process

async function startSandbox() {
	const child = spawn(process.execPath, [path.join(__dirname, 'sandbox-child.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
	const info = await new Promise((resolve, reject) => {
		let buffer = '';
		child.stdout.on('data', (chunk) => {
			buffer += chunk;
			const line = buffer.split('\n')[0];
			if (buffer.includes('\n')) resolve(JSON.parse(line));
		});
		child.on('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
	});
	const control = async (method, route, body) => {
		const r = await fetch(`${info.control}/_control/${route}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
		const text = await r.text();
		if (!r.ok) throw new Error(`control ${method} ${route}: ${r.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	};
	return { child, info, control, stop: () => child.stdin.end() };
}

// ---------------------------------------------------------------- helpers

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cpuMicros = () => {
	const u = process.cpuUsage();
	return u.user + u.system;
};
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const items = (n) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

/** Peak heap above the starting point while `fn` runs (sampled every 5 ms). */
async function peakHeap(fn) {
	global.gc?.();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	try {
		const result = await fn();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return { result, mb: (peak - base) / 1048576 };
	} finally {
		clearInterval(timer);
	}
}

async function main() {
	const started = Date.now();
	const load = os.loadavg();
	const sb = await startSandbox();
	const clawnet = sb.info.networks.clawnet;
	const token = clawnet.credentials.n8n_agent;
	const tomToken = clawnet.credentials.Tom;
	const base = clawnet.baseUrl;
	const creds = { clawNetApi: { token, baseUrl: base } };
	const headerCreds = { httpHeaderAuth: { name: 'Authorization', value: `Bearer ${token}` } };
	NODE_TYPES.declarativeFloor = new DeclarativeFloor(base);
	// The floor with as many top-level properties as the ClawNet node: what its size costs alone.
	const clawNetSize = NODE_TYPES.clawNet.description.properties.length;
	NODE_TYPES.declarativeFloorSized = new DeclarativeFloor(base, clawNetSize);
	const counts = async () => (await sb.control('GET', 'requests/count')).counts;
	const clientRequests = async (before) => {
		const after = await counts();
		const key = 'clawnet n8n-nodes-claw-social';
		return (after[key] ?? 0) - (before[key] ?? 0);
	};
	const api = async (method, route, who, body) => {
		let r;
		// Setup calls: a 429 (windows of a millisecond) is simply tried again.
		for (let tries = 0; tries < 100; tries++) {
			r = await fetch(`${base}${route}`, { method, headers: { authorization: `Bearer ${who}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
			if (r.status !== 429) break;
			await r.text();
			await new Promise((done) => setTimeout(done, 2));
		}
		if (r.status >= 300) throw new Error(`${method} ${route}: ${r.status} ${await r.text()}`);
		return await r.json();
	};
	const rows = [];
	const say = (line) => process.stderr.write(`${line}\n`);

	// ---- per item: Send and Get, ours vs HTTP Request vs fetch, interleaved
	// Rate-limit windows that last a microsecond: the speed runs measure CPU, not the limits.
	await sb.control('POST', 'clock', { windowScale: 1e-12 });
	// The post every Get reads; made again after each sandbox reset (new ids never repeat across resets).
	const makePost = async () => {
		const post = await api('POST', '/posts', tomToken, { content: 'A post to read in the benchmark' });
		return post.post?.id ?? post.id;
	};
	let postId = await makePost();
	const cases = {
		send: {
			claw: () => ({ type: 'clawNet', parameters: { resource: 'message', operation: 'send', to: { __rl: true, mode: 'id', value: 'Tom' }, message: '={{ "note " + $json.i }}' }, credentials: creds }),
			http: () => ({
				type: 'httpRequest',
				version: 4,
				parameters: {
					method: 'POST',
					url: `${base}/send`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					sendBody: true,
					contentType: 'json',
					specifyBody: 'keypair',
					bodyParameters: { parameters: [{ name: 'to', value: 'Tom' }, { name: 'message', value: '={{ "note " + $json.i }}' }] },
					options: {},
				},
				credentials: headerCreds,
			}),
			floor: () => ({ type: 'declarativeFloor', parameters: { operation: 'send', to: 'Tom', message: '={{ "note " + $json.i }}' }, credentials: creds }),
			sized: () => ({ type: 'declarativeFloorSized', parameters: { operation: 'send', to: 'Tom', message: '={{ "note " + $json.i }}' }, credentials: creds }),
			fetch: (i) => fetch(`${base}/send`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ to: 'Tom', message: `note ${i}` }) }).then((r) => r.json()),
		},
		get: {
			claw: () => ({ type: 'clawNet', parameters: { resource: 'post', operation: 'get', postId: { __rl: true, mode: 'id', value: postId } }, credentials: creds }),
			http: () => ({ type: 'httpRequest', version: 4, parameters: { method: 'GET', url: `${base}/posts/${postId}`, authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', options: {} }, credentials: headerCreds }),
			floor: () => ({ type: 'declarativeFloor', parameters: { operation: 'get', postId }, credentials: creds }),
			sized: () => ({ type: 'declarativeFloorSized', parameters: { operation: 'get', postId }, credentials: creds }),
			fetch: () => fetch(`${base}/posts/${postId}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }).then((r) => r.json()),
		},
	};
	if (process.env.BENCH_PROFILE) {
		// `BENCH_PROFILE=send|get` runs only this package's operation, for `--cpu-prof`.
		for (let rep = 0; rep < REPS; rep++) {
			resetBudgets();
			await runNode({ ...cases[process.env.BENCH_PROFILE][process.env.BENCH_PROFILE_WHO || 'claw'](), input: items(ITEMS) });
		}
		sb.stop();
		return;
	}
	const timing = { send: { claw: [], http: [], floor: [], sized: [], fetch: [] }, get: { claw: [], http: [], floor: [], sized: [], fetch: [] } };
	const input = items(ITEMS);
	for (let rep = -1; rep < REPS; rep++) {
		for (const op of ['send', 'get']) {
			for (const who of rep % 2 ? ['claw', 'http', 'floor', 'sized', 'fetch'] : ['fetch', 'sized', 'floor', 'http', 'claw']) {
				resetBudgets();
				const c0 = cpuMicros();
				if (who === 'fetch') {
					for (let i = 0; i < ITEMS; i += 50) await Promise.all(input.slice(i, i + 50).map((_, k) => cases[op].fetch(i + k)));
				} else {
					const run = await runNode({ ...cases[op][who](), input });
					if (run.error || run.items.length !== ITEMS) throw new Error(`${op}/${who}: ${run.error?.message ?? `${run.items.length} items`}`);
				}
				const perItem = (cpuMicros() - c0) / ITEMS;
				if (rep >= 0) timing[op][who].push(perItem); // rep -1 warms up
			}
		}
		say(`  per-item repetition ${rep + 1}/${REPS + 1}`);
	}
	for (const [op, label] of [['send', 'Message → Send'], ['get', 'Post → Get']]) {
		const claw = median(timing[op].claw);
		const http = median(timing[op].http);
		const floor = median(timing[op].floor);
		const sized = median(timing[op].sized);
		const f = median(timing[op].fetch);
		rows.push([
			`${label}, CPU per item (median of ${REPS} × ${fmt(ITEMS)} items)`,
			`${fmt(claw)} µs`,
			`HTTP Request node ${fmt(http)} µs, declarative floor ${fmt(floor)} µs (with ${NODE_TYPES.declarativeFloorSized.description.properties.length} properties ${fmt(sized)} µs), fetch ${fmt(f)} µs`,
			`${fmt(claw / http, 2)}× HTTP Request, ${fmt(claw / floor, 2)}× floor, ${fmt(claw / sized, 2)}× floor of the same size (floor ${fmt(floor / http, 2)}× and ${fmt(sized / http, 2)}× HTTP Request), ${fmt(claw / f, 2)}× fetch`,
		]);
	}
	if (process.env.BENCH_ONLY === 'per-item') return finish(sb, started, load, rows);

	// ---- Return All of BIG, and a BIG-item batch
	await sb.control('POST', 'reset');
	await sb.control('POST', 'clock', { windowScale: 1e-12 });
	resetBudgets();
	postId = await makePost();
	const sam = sb.info.networks.clawnet.credentials.Sam;
	for (let i = 0; i < BIG; i += 10) await Promise.all(Array.from({ length: Math.min(10, BIG - i) }, (_, k) => api('POST', '/posts', sam, { content: `bench post ${i + k}` })));
	let before = await counts();
	const all = await peakHeap(() => runNode({ type: 'clawNet', parameters: { resource: 'post', operation: 'getMany', feed: 'public', returnAll: true }, credentials: creds, input: items(1) }));
	if (all.result.error) throw all.result.error;
	const n = all.result.items.length;
	const requests = await clientRequests(before);
	rows.push([`Post → Get Many, Return All of ${fmt(n)} posts`, `peak heap +${fmt(all.mb, 1)} MB`, `${requests} requests; ceil(N / 200) = ${Math.ceil(n / 200)}`, `${fmt(requests / Math.ceil(n / 200), 2)}× the fewest possible`]);
	resetBudgets();
	before = await counts();
	const batch = await peakHeap(() => runNode({ ...cases.get.claw(), input: items(BIG) }));
	if (batch.result.error || batch.result.items.length !== BIG) throw new Error(`batch: ${batch.result.error?.message ?? batch.result.items.length}`);
	const batchRequests = await clientRequests(before);
	const httpBatch = await peakHeap(() => runNode({ ...cases.get.http(), input: items(BIG) }));
	if (httpBatch.result.error || httpBatch.result.items.length !== BIG) throw new Error(`HTTP batch: ${httpBatch.result.error?.message ?? httpBatch.result.items.length}`);
	rows.push([`Post → Get, a batch of ${fmt(BIG)} items`, `peak heap +${fmt(batch.mb, 1)} MB (${batchRequests} requests)`, `HTTP Request node +${fmt(httpBatch.mb, 1)} MB`, `${fmt(batch.mb / httpBatch.mb, 2)}× HTTP Request`]);

	// ---- trigger polls: ClawNet Trigger, New Direct Message
	await sb.control('POST', 'reset');
	resetBudgets();
	const trigger = { event: 'directMessage' };
	let state = (await runPoll(trigger, creds, {})).staticData; // activation: records what waits
	before = await counts();
	state = (await runPoll(trigger, creds, state)).staticData;
	const idle = await clientRequests(before);
	for (let i = 0; i < 5; i++) await api('POST', '/send', tomToken, { to: 'n8n_agent', message: `poll me ${i}` });
	before = await counts();
	const busy = await runPoll(trigger, creds, state);
	const busyRequests = await clientRequests(before);
	before = await counts();
	await runPoll(trigger, creds, busy.staticData);
	const idleAfter = await clientRequests(before);
	rows.push(['ClawNet Trigger, New Direct Message', `idle poll: ${idle} request${idle === 1 ? '' : 's'}`, `busy poll (5 new DMs, ${busy.items.length} emitted): ${busyRequests} requests`, `idle again with 8 unacknowledged: ${idleAfter}`]);

	// ---- the rate-limited batch: 200 sends at 60/hour, an hour lasting 2 s
	const limited = async (label, settings, faults) => {
		await sb.control('POST', 'reset');
		await sb.control('POST', 'clock', { windowScale: 1 / 1800 });
		for (const f of faults) await sb.control('POST', 'faults', f);
		resetBudgets();
		const t0 = Date.now();
		const run = await runNode({ ...cases.send.claw(), input: items(200), settings });
		const ms = Date.now() - t0;
		const log = (await sb.control('GET', 'requests?network=clawnet&method=POST&path=/send')).requests;
		const ok = log.filter((r) => r.status === 200).map((r) => r.body.message);
		const distinct = new Set(ok).size;
		const failed = run.error ? 200 - run.items.filter((i) => !i.error).length : run.items.filter((i) => i.error).length;
		const minimum = (Math.ceil(200 / 60) - 1) * 2000;
		rows.push([label, `${fmt(ms / 1000, 2)} s (minimum ${fmt(minimum / 1000, 0)} s: ${fmt(ms / minimum, 2)}×)`, `${distinct} delivered, ${ok.length - distinct} duplicates, ${failed} failed`, `${log.length} POST /send (${log.filter((r) => r.status === 429).length} answered 429)`]);
	};
	await limited('200 × Message → Send at 60/hour (hour = 2 s)', {}, []);
	await limited('the same, Retry On Fail (3 tries) + two injected 500s', { retryOnFail: true, maxTries: 3 }, [{ network: 'clawnet', method: 'POST', path: '/send', kind: 'status', status: 500, times: 2 }]);

	finish(sb, started, load, rows);
}

function finish(sb, started, load, rows) {
	sb.stop();
	const cpus = os.cpus();
	const print = (line = '') => process.stdout.write(`${line}\n`);
	print(`n8n-nodes-claw-social benchmark — n8n-core ${require(path.join(NM, 'n8n-core/package.json')).version}, n8n-workflow ${require(path.join(NM, 'n8n-workflow/package.json')).version}, Node ${process.versions.node}`);
	print(`machine: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30, 1)} GB; load average at start ${load.map((l) => fmt(l, 2)).join(' / ')}, at end ${os.loadavg().map((l) => fmt(l, 2)).join(' / ')}; ${fmt((Date.now() - started) / 1000, 0)} s`);
	print();
	print('| Measure | This package | Compared with | Ratio / detail |');
	print('|---|---|---|---|');
	for (const row of rows) print(`| ${row.join(' | ')} |`);
	process.exit(0);
}

main().catch((error) => {
	process.stderr.write(`benchmark failed: ${error.stack ?? error}\n`);
	process.exit(1);
});
