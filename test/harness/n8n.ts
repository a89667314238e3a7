/**
 * Runs the package's nodes through real n8n-core: WorkflowExecute for action nodes, RoutingNode
 * the way n8n's credential tester does for credential tests, and PollContext through
 * TriggersAndPollers for triggers. Credentials are applied by the credential type's own
 * `authenticate`, resolved with n8n's expression engine, exactly as n8n does it.
 */
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	PollContext,
	RoutingNode,
	TriggersAndPollers,
	WorkflowExecute,
} from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ClawNetApi } from '../../credentials/ClawNetApi.credentials';
import { ClawPostApi } from '../../credentials/ClawPostApi.credentials';
import { ClawtterApi } from '../../credentials/ClawtterApi.credentials';
import { ClawNet } from '../../nodes/ClawNet/ClawNet.node';
import { ClawNetTrigger } from '../../nodes/ClawNet/ClawNetTrigger.node';
import { ClawPost } from '../../nodes/ClawPost/ClawPost.node';
import { Clawtter } from '../../nodes/Clawtter/Clawtter.node';
import { ClawtterTrigger } from '../../nodes/Clawtter/ClawtterTrigger.node';

export const PACKAGE = 'n8n-nodes-claw-social';

/** Every credential type of the package, by name. */
export const CREDENTIAL_TYPES: Record<string, ICredentialType> = Object.fromEntries(
	[new ClawtterApi(), new ClawNetApi(), new ClawPostApi()].map((c) => [c.name, c]),
);

/** Every node type of the package, by short name. Tests may register more (see registerNodeType). */
const NODE_TYPES: Record<string, INodeType> = Object.fromEntries(
	[new Clawtter(), new ClawtterTrigger(), new ClawNet(), new ClawNetTrigger(), new ClawPost()].map((n) => [n.description.name, n]),
);

export function registerNodeType(nodeType: INodeType): void {
	NODE_TYPES[nodeType.description.name] = nodeType;
}

function shortName(type: string): string {
	return type.startsWith(`${PACKAGE}.`) ? type.slice(PACKAGE.length + 1) : type;
}

export const nodeTypes: INodeTypes = {
	getByName(type: string) {
		return NODE_TYPES[shortName(type)];
	},
	getByNameAndVersion(type: string, version?: number) {
		const nodeType = NODE_TYPES[shortName(type)];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(nodeType, version);
	},
	getKnownTypes() {
		return {};
	},
} as INodeTypes;

/** The credential's stored data with the property defaults n8n would apply. */
export function withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const credentialType = CREDENTIAL_TYPES[type];
	if (!credentialType) throw new Error(`Unknown credential type ${type}`);
	const out: ICredentialDataDecryptedObject = {};
	for (const property of credentialType.properties) {
		out[property.name] = property.default as ICredentialDataDecryptedObject[string];
	}
	return { ...out, ...data };
}

/** Resolves credentials from a map and applies generic `authenticate` like n8n's CredentialsHelper. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = CREDENTIAL_TYPES[typeName];
		const authenticate = credentialType?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');
		const resolve = (value: string) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '',
					)
				: value;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			const target = ((requestOptions as unknown as IDataObject)[outerKey] ??= {}) as IDataObject;
			for (const [key, value] of Object.entries(outerValue as IDataObject)) {
				target[resolve(key)] = resolve(String(value));
			}
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (!data) throw new Error(`No credentials of type ${type} given to the test`);
		return withDefaults(type, data);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}
}

function additionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		executionId: 'test-execution',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The node's references to the credentials given, one per credential type (their data comes from the helper). */
function credentialRefs(credentials: Record<string, ICredentialDataDecryptedObject>): INode['credentials'] {
	return Object.fromEntries(Object.keys(credentials).map((t) => [t, { id: `${t}-id`, name: `${t} (test)` }]));
}

export interface RunNodeOptions {
	/** Node type short name, e.g. `clawNet`. */
	type: string;
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items; one empty item by default. */
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	/** Node settings, e.g. `{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 }`. */
	settings?: Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>>;
}

export interface RunNodeResult {
	/** Output items of the node's first output (empty when it failed). */
	items: INodeExecutionData[];
	/** The error the node failed with, as n8n recorded it. */
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

/** Runs one node of the package in a one-node workflow through WorkflowExecute. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodeType = nodeTypes.getByNameAndVersion(options.type);
	const credentials = options.credentials ?? {};
	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.defaults.name ?? 'Node',
		type: `${PACKAGE}.${options.type}`,
		typeVersion: Array.isArray(nodeType.description.version)
			? nodeType.description.version.slice(-1)[0]
			: nodeType.description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials: credentialRefs(credentials),
		continueOnFail: options.continueOnFail,
		onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
		...(options.settings ?? {}),
	};
	const workflow = new Workflow({ id: 'test-workflow', nodes: [node], connections: {}, active: false, nodeTypes });
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node, data: { main: [options.input ?? [{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData(credentials, hooks), mode, runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'];
	return { items, error, run };
}

/**
 * Tests a credential the way n8n's credential tester does: the credential type's `test.request`
 * becomes the routing of a throwaway declarative node run by RoutingNode.
 */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const credentialType = CREDENTIAL_TYPES[type];
	const test = credentialType.test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };
	const probe: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		} as INodeType['description'],
	};
	const probeTypes = {
		getByName: () => probe,
		getByNameAndVersion: () => probe,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: 'cred', name: 'cred' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: probeTypes });
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData({ [type]: data }),
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const decrypted = { id: 'cred', name: 'cred', type, data: withDefaults(type, data) };
	try {
		await new RoutingNode(context, probe, decrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const status = cause.response.status;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: String(rule.properties.message) };
				}
			}
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: String((error as Error).message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export interface PollOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Workflow static data carried from the previous poll (JSON, as n8n stores it). */
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	/** How n8n activated the workflow ('activate' unless given). */
	activation?: WorkflowActivateMode;
}

export interface PollResult {
	items: INodeExecutionData[] | null;
	/** The workflow's static data after the poll, serialized and parsed as n8n persists it. */
	staticData: IDataObject;
	error?: Error;
}

/**
 * Runs one poll of a trigger node through PollContext and n8n-core's TriggersAndPollers: an
 * ActivePoller made from `staticData`, polled once.
 */
export async function runPoll(options: PollOptions): Promise<PollResult> {
	const poller = new ActivePoller({
		type: options.type,
		parameters: options.parameters,
		credentials: options.credentials ?? {},
		persisted: options.staticData,
		activation: options.activation,
	});
	const { items, error } = await poller.poll(options.mode ?? 'trigger');
	return { items, staticData: JSON.parse(JSON.stringify(poller.workflow.staticData)) as IDataObject, error };
}

/**
 * One activation of a polling trigger as n8n runs it: one Workflow object whose static data lives
 * in memory from poll to poll, and a "database" copy written only when a poll hands items over
 * (n8n's __emit saves static data, then starts the execution; a poll that returns nothing saves
 * nothing). A restart is a new ActivePoller from `persisted`. Overlapping polls share the memory.
 */
export class ActivePoller {
	readonly workflow: Workflow;

	readonly node: INode;

	private readonly credentials: Record<string, ICredentialDataDecryptedObject>;

	/** What n8n's database holds for this workflow's static data. */
	persisted: IDataObject;

	/** How n8n activated the workflow, as the polls' context reports it ('activate' unless given). */
	private readonly activation: WorkflowActivateMode;

	constructor(
		options: {
			type: string;
			parameters: INodeParameters;
			credentials: Record<string, ICredentialDataDecryptedObject>;
			persisted?: IDataObject;
			activation?: WorkflowActivateMode;
		},
		private readonly pollBudgetMs?: number,
	) {
		const nodeType = nodeTypes.getByNameAndVersion(options.type);
		this.credentials = options.credentials;
		this.activation = options.activation ?? 'activate';
		this.persisted = JSON.parse(JSON.stringify(options.persisted ?? {})) as IDataObject;
		this.node = {
			id: 'trigger-under-test',
			name: nodeType.description.defaults.name ?? 'Trigger',
			type: `${PACKAGE}.${options.type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: credentialRefs(options.credentials),
		};
		this.workflow = new Workflow({
			id: 'poll-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.persisted)) as IDataObject,
		});
	}

	/**
	 * Activation (the user activates the workflow, or n8n starts with it active): n8n runs one poll
	 * and then saves static data whatever the poll returned.
	 */
	async activate(): Promise<{ items: INodeExecutionData[] | null; error?: Error }> {
		const result = await this.poll();
		this.persisted = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
		return result;
	}

	/**
	 * One scheduled poll; when it hands items over, static data is persisted first (as n8n's __emit
	 * does). With `crash`, the process dies before the hand-over: nothing is persisted.
	 */
	async poll(mode: 'trigger' | 'manual' = 'trigger', crash = false): Promise<{ items: INodeExecutionData[] | null; error?: Error }> {
		const context = new PollContext(this.workflow, this.node, additionalData(this.credentials), mode, this.activation);
		if (this.pollBudgetMs !== undefined) {
			const budget = this.pollBudgetMs;
			(context as unknown as { getPollBudgetMs: () => number }).getPollBudgetMs = () => budget;
		}
		try {
			// n8n-core resolves it from its own DI container; it has no dependencies, so build it directly.
			const result = await new TriggersAndPollers().runPollFunction(this.workflow, this.node, context);
			const items = result ? result[0] : null;
			if (items && mode === 'trigger' && !crash) this.persisted = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
			return { items };
		} catch (error) {
			return { items: null, error: error as Error };
		}
	}
}
