import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { redactSecrets } from './errors';
import type { NetworkId } from './networks';
import { NETWORKS } from './networks';
import { fillPath, hoistPathUrls, routeOwnValue } from './pathValue';
import type { Paginate } from './pagination';
import { mergeSameFields, shownOnlyFor } from './sameFields';
import { explicitEmptyAnswer } from './simplify';
import { DEFAULT_RATE_LIMIT_WAIT_SECONDS, checkBaseUrl, guardRequests, throwOnApiError } from './transport';
import type { IdShapeName } from './validation';
import { ID_SHAPES, checkParameters } from './validation';

/** A dateTime value as an ISO string; a value that is no date is left as it is for the input layer to refuse. */
export const ISO_DATE = '={{ new Date($value).getTime() === new Date($value).getTime() ? new Date($value).toISOString() : $value }}';

/**
 * The Resource selector of a declarative node. It also carries the routing every operation
 * of the node shares: the Base URL check before sending and the error mapping after receiving,
 * so no operation can forget them.
 */
export function resourceProperty(
	network: NetworkId,
	options: INodePropertyOptions[],
	defaultResource: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultResource,
		// withSharedLayers adds the input layer and the error mapping (throwOnApiError) here.
		routing: { send: { preSend: [checkBaseUrl(network)] } },
	};
}

/**
 * The shared layers of a declarative node, applied to its whole property list (so that a new
 * operation or field gets them without asking):
 * - the input layer: every parameter the item sends is checked before sending (checkParameters,
 *   first preSend on the Resource selector);
 * - path fields: a field whose url holds OWN_VALUE sends its value into the path, the url held by
 *   its operation where it can be (pathValue.ts);
 * - fields several operations define alike become one property (sameFields.ts);
 * - the request guard: every operation's requests run through guardRequests (declarative
 *   routing's pagination hook, the only place a node can wrap its own requests), which strips
 *   request configs and the credential's values from errors and outputs. An operation's own
 *   pagination (Return All, multi-step operations) runs inside the guard.
 */
export function withSharedLayers(network: NetworkId, properties: INodeProperties[]): INodeProperties[] {
	// Operations sent with DELETE: an empty answer to them reads `{ deleted: true }`. Reads: in
	// tool use, one that finds nothing answers `{ results: [], message }` (explicitEmptyAnswer).
	const deletes = new Set<string>();
	const emptyAnswers = new Map<string, string>();
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			const method = option.routing?.request?.method ?? 'GET';
			for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
				const key = `${resource}:${String(option.value)}`;
				if (method === 'DELETE') deletes.add(key);
				if (method === 'GET') emptyAnswers.set(key, `No results: ${option.action ?? option.name} found nothing.`);
			}
		}
	}
	const idFacts = idFactsByOperation(properties);
	const hoisted = hoistFieldPaginations(hoistPathUrls([...properties, rateLimitProperty(network)].map(routeOwnValue)));
	const fields = mergeSameFields(hoisted.properties);
	return fields.map((property) => {
		if (property.name === 'resource' && property.routing) {
			const send = property.routing.send ?? {};
			const output = property.routing.output ?? {};
			return {
				...property,
				routing: {
					...property.routing,
					// The input layer checks the values, then fillPath puts a path field's into the url.
					send: { ...send, preSend: [...(send.preSend ?? []), checkParameters(NETWORKS[network].displayName, fields), fillPath] },
					// The error mapping runs first on every answer.
					output: { ...output, postReceive: [throwOnApiError(network, deletes), ...(output.postReceive ?? [])] },
				},
			};
		}
		if (property.name === 'operation' && property.type === 'options') {
			return {
				...property,
				options: (property.options as INodePropertyOptions[]).map((plain) => {
					const pair = `${String(property.displayOptions?.show?.resource?.[0])}:${String(plain.value)}`;
					const option = withIdFacts(plain, idFacts.get(pair));
					const routing = option.routing ?? {};
					// A Return All field's pagination runs here (hoistFieldPaginations), switched by the field.
					const field = hoisted.paginations.get(pair);
					const own = field?.pagination ?? routing.operations?.pagination;
					// Declarative (non-function) pagination would run outside the request guard: no pacing,
					// no masking. None exists; refuse one at build time.
					if (own !== undefined && typeof own !== 'function') throw new Error(`${pair}: pagination must be a function (it runs inside the request guard)`);
					return {
						...option,
						routing: {
							...routing,
							send: { ...(routing.send ?? {}), paginate: true },
							operations: { ...(routing.operations ?? {}), pagination: explicitEmptyAnswer(guardRequests(network, own, field?.enabledBy), emptyAnswers.get(pair)) },
						},
					};
				}),
			};
		}
		return property;
	});
}

type FieldPagination = { pagination: Paginate; enabledBy?: string };

/**
 * A field's own pagination (Return All: `paginate: '={{ $value }}'` and a cursor-following
 * function) moves to its operation (the field must show for its operations on no further
 * condition); the operation's request guard runs it when the field is on. The field keeps no
 * routing, so the Return All of different lists can merge (sameFields.ts), and routing no longer
 * evaluates the `paginate` expression per item: every operation already paginates through its
 * guard, which reads the field.
 */
function hoistFieldPaginations(properties: INodeProperties[]): { properties: INodeProperties[]; paginations: Map<string, FieldPagination> } {
	const paginations = new Map<string, FieldPagination>();
	const out = properties.map((property) => {
		const pagination = property.routing?.operations?.pagination;
		if (typeof pagination !== 'function') return property;
		const pairs = shownOnlyFor(property);
		// Its operation's guard would run it whenever the operation runs, shown or not.
		if (!pairs) throw new Error(`${property.name}: a field with its own pagination must show for its operations on no further condition`);
		const when = property.routing!.send?.paginate;
		const enabledBy = when === undefined || when === true ? undefined : property.name;
		for (const pair of pairs) paginations.set(pair, { pagination, enabledBy });
		const send = Object.fromEntries(Object.entries(property.routing!.send ?? {}).filter(([key]) => key !== 'paginate'));
		const routing = Object.fromEntries(
			Object.entries({ ...property.routing, send }).filter(([key, value]) => key !== 'operations' && (key !== 'send' || Object.keys(value as object).length > 0)),
		);
		const plain = Object.fromEntries(Object.entries(property).filter(([key]) => key !== 'routing')) as unknown as INodeProperties;
		return Object.keys(routing).length > 0 ? { ...plain, routing } : plain;
	});
	return { properties: out, paginations };
}

/**
 * The node's Rate Limit options (every operation): how long an item may wait for the network's
 * rate limit before it fails with an error that says when to retry. The request guard reads it.
 */
export function rateLimitProperty(network: NetworkId): INodeProperties {
	return {
		displayName: 'Rate Limit',
		name: 'rateLimit',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 3600 },
				default: DEFAULT_RATE_LIMIT_WAIT_SECONDS,
				description: `How long an item may wait for ${NETWORKS[network].displayName}'s rate limit to reset (requests are paced by the limit and a refused one is sent again after the reset). An item that would wait longer fails with an error saying when to retry; 0 never waits.`,
			},
		],
	};
}

/**
 * The id forms a model must produce, in a few words each. n8n's automatic tool description is
 * only `${action} in ${node}`, so an operation's `action` names the form of each id it takes.
 */
export const ID_BRIEFS: Record<IdShapeName, string> = {
	clawnetAgent: 'agent ID like Tom',
	clawnetPost: 'post ID post_…',
	clawnetMessage: 'message ID msg_…',
	clawnetClaimCode: 'claim code',
	moltbookPost: 'Moltbook post ID',
	clawtterPost: 'post UUID',
	clawtterUser: 'identity_id',
	clawtterTopic: 'topic name',
	clawpostJob: 'job UUID',
	clawnetTask: 'task ID',
	clawnetThread: 'thread ID',
	clawnetContact: 'contact ID',
	clawnetEvent: 'event ID',
	clawnetPageSlug: 'page slug a-z0-9-',
	facebookGroup: 'numeric group ID',
};

/** Per `resource:operation`, the briefs of the required id fields it shows. */
function idFactsByOperation(properties: INodeProperties[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const property of properties) {
		const shape = property.typeOptions?.idShape as IdShapeName | undefined;
		if (!shape || !property.required) continue;
		const show = property.displayOptions?.show ?? {};
		for (const resource of (show.resource ?? []) as string[]) {
			for (const operation of (show.operation ?? []) as string[]) {
				const key = `${resource}:${operation}`;
				const facts = out.get(key) ?? [];
				if (!facts.includes(ID_BRIEFS[shape])) facts.push(ID_BRIEFS[shape]);
				out.set(key, facts);
			}
		}
	}
	return out;
}

/** The action with the id forms it needs, unless it already names them: "Get an agent (agent ID like Tom)". */
function withIdFacts(option: INodePropertyOptions, facts: string[] | undefined): INodePropertyOptions {
	if (!option.action || !facts?.length) return option;
	const missing = facts.filter((fact) => !option.action!.includes(fact));
	if (missing.length === 0) return option;
	const action = option.action.endsWith(')') ? `${option.action.slice(0, -1)}; ${missing.join(', ')})` : `${option.action} (${missing.join(', ')})`;
	return { ...option, action };
}

/** The Operation selector of one resource. */
export function operationProperty(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** One operation: its entry in the Operation selector and the fields it shows. */
export interface OperationDefinition {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

/** The Operation selector and every field of one resource, each field shown for its operation. */
export function resourceOperations(resource: string, operations: OperationDefinition[], defaultOperation: string): INodeProperties[] {
	return [
		operationProperty(
			resource,
			operations.map((o) => o.option),
			defaultOperation,
		),
		...operations.flatMap((o) => fieldsFor(resource, String(o.option.value), o.fields)),
	];
}

/** Shows fields only for one resource/operation pair, keeping any display rule they already have. */
export function fieldsFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => {
		const own: IDisplayOptions = field.displayOptions ?? {};
		// Resource and operation come first: n8n shows a field as soon as one of its conditions
		// depends on an expression, so a field of another operation whose own condition (e.g.
		// `status: ['snoozed']`) met an expression would otherwise count as shown.
		return {
			...field,
			displayOptions: {
				...own,
				show: { resource: [resource], operation: [operation], ...(own.show ?? {}) },
			},
		};
	});
}

/**
 * Output: one item per entry of the response's array at `property` (what n8n's `rootProperty`
 * does), each paired with the input item it was read for. n8n pairs a declarative node's outputs
 * by itself only when there is one input item or exactly one output per input, so a list read
 * for several input items would otherwise come out unpaired.
 */
export function itemsAt(property: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		return items.flatMap((response) => {
			const value = response.json?.[property];
			if (value === undefined || value === null) {
				// A success answer without the documented list: say so rather than emit empty items.
				throw new NodeOperationError(this.getNode(), `The answer has no "${property}" field: it is not the documented shape`, {
					itemIndex: this.getItemIndex(),
					description: `Answer received: ${redactSecrets(JSON.stringify(response.json) ?? '').slice(0, 200)}`,
				});
			}
			return (Array.isArray(value) ? value : [value]).map((json) => ({ json: json as IDataObject, pairedItem }));
		});
	} as PostReceiveAction;
}

/**
 * Return All + Limit for a list.
 * - With a `pagination` (the list has a documented cursor): Limit sends the page size in one
 *   request; Return All follows the cursor with the largest page the API allows.
 * - Without one, but with a `limitParam`: Return All asks for the largest page the API allows.
 * - With neither (the API returns the whole list): Limit cuts the output.
 */
export function returnAllAndLimit(options: {
	maxLimit: number;
	/** Query parameter of the page size; null when the API has none. */
	limitParam?: string | null;
	pagination?: Paginate;
}): INodeProperties[] {
	const limitParam = options.limitParam === undefined ? 'limit' : options.limitParam;
	const returnAllRouting: INodeProperties['routing'] = options.pagination
		? { send: { paginate: '={{ $value }}' }, operations: { pagination: options.pagination } }
		: limitParam
			? { send: { type: 'query', property: limitParam, value: `={{ $value ? ${options.maxLimit} : undefined }}` } }
			: undefined;
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			...(returnAllRouting ? { routing: returnAllRouting } : {}),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue: options.maxLimit },
			default: 50,
			description: 'Max number of results to return',
			routing: {
				...(limitParam ? { send: { type: 'query' as const, property: limitParam } } : {}),
				output: { maxResults: '={{ $value }}' },
			},
		},
	];
}

/** postReceive: adds a `notice` field to every item (e.g. "this token is shown once"). */
export function addNotice(notice: string): PostReceiveAction {
	return async function (this: unknown, items) {
		return items.map((item) => ({ ...item, json: { ...item.json, notice } }));
	} as PostReceiveAction;
}

/** An operation whose only field is one that routes the request URL (e.g. a locator). */
export function pathOperation(
	option: { value: string; name: string; action: string; description: string; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' },
	field: INodeProperties,
): OperationDefinition {
	return {
		option: {
			name: option.name,
			value: option.value,
			action: option.action,
			description: option.description,
			routing: { request: { method: option.method } },
		},
		fields: [field],
	};
}

/**
 * A resource locator: pick from a searchable list, or type an ID (of the id shape `shape`,
 * checked in the editor and, whatever the mode or expression, by the input layer before sending),
 * or paste a URL the ID is extracted from (`urlRegex`, first group).
 */
export function locator(options: {
	name: string;
	displayName: string;
	searchListMethod?: string;
	searchFilterRequired?: boolean;
	/** What the list offers ("agent", "post"): the list's placeholder reads "Select an agent...". */
	listNoun?: string;
	idPlaceholder: string;
	shape: IdShapeName;
	url?: { placeholder: string; regex: string; errorMessage: string };
	routing?: INodeProperties['routing'];
	description?: string;
}): INodeProperties {
	type Mode = NonNullable<INodeProperties['modes']>[number];
	const mode = (displayName: string, name: string, type: Mode['type'], rest: Partial<Mode>): Mode => ({ ...rest, displayName, name, type }) as Mode;
	const modes: Mode[] = [];
	const noun = options.listNoun ?? options.displayName.toLowerCase();
	if (options.searchListMethod) {
		modes.push(
			mode('From List', 'list', 'list', {
				placeholder: `Select ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}...`,
				typeOptions: {
					searchListMethod: options.searchListMethod,
					searchable: true,
					...(options.searchFilterRequired ? { searchFilterRequired: true } : {}),
				},
			}),
		);
	}
	if (options.url) {
		modes.push(
			mode('By URL', 'url', 'string', {
				placeholder: options.url.placeholder,
				extractValue: { type: 'regex', regex: options.url.regex },
				validation: [{ type: 'regex', properties: { regex: `.*${options.url.regex}.*`, errorMessage: `${options.displayName}: ${options.url.errorMessage}` } }],
			}),
		);
	}
	modes.push(
		mode('ID', 'id', 'string', {
			placeholder: options.idPlaceholder,
			// The editor's check: its message names the field. n8n builds it from the pattern's
			// source alone, so patterns that need a flag (`u`: letters of any script; `i`: UUIDs in
			// either case) are left to the input layer.
			...(ID_SHAPES[options.shape].pattern.flags !== ''
				? {}
				: {
						validation: [
							{
								type: 'regex' as const,
								properties: { regex: ID_SHAPES[options.shape].pattern.source, errorMessage: `${options.displayName} must be ${ID_SHAPES[options.shape].hint}` },
							},
						],
					}),
		}),
	);
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.searchListMethod ? 'list' : 'id', value: '' },
		typeOptions: { idShape: options.shape },
		required: true,
		description: options.description,
		modes,
		...(options.routing ? { routing: options.routing } : {}),
	};
}

/**
 * The longest an operation waits for an outcome inside the node (seconds): an n8n worker is held
 * while it sleeps. Longer waits belong in the workflow: a Wait node, then a Get of the job or post
 * (README, "Waiting longer"; examples/wait-for-job.json).
 */
export const MAX_NODE_WAIT_SECONDS = 300;

/** The Max Wait / Check Every options of operations that can wait for an outcome (Max Wait at most MAX_NODE_WAIT_SECONDS). */
export function waitOptions(flag: string, maxWaitDefault: number, maxWaitMax: number, checkDescription?: string, longer?: string): INodeProperties[] {
	const max = Math.min(maxWaitMax, MAX_NODE_WAIT_SECONDS);
	return [
		{
			displayName: 'Check Every (Seconds)',
			name: 'checkEverySeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 60 },
			default: 5,
			description: checkDescription,
			displayOptions: { show: { [flag]: [true] } },
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: max },
			default: Math.min(maxWaitDefault, max),
			description: `At most ${max} s: the node holds an n8n worker while it waits.${longer ? ` ${longer}` : ''}`,
			displayOptions: { show: { [flag]: [true] } },
		},
	];
}

/** Max Wait in milliseconds, as the waiting code uses it: the option's value, never above the cap. */
export function maxWaitMs(value: unknown, fallbackSeconds: number): number {
	const n = Number(value ?? fallbackSeconds);
	return Math.min(MAX_NODE_WAIT_SECONDS, Math.max(1, Number.isFinite(n) ? n : fallbackSeconds)) * 1000;
}

/** A `|key=text|key=text|` table read inside an expression (no braces: `}}` would end the expression). */
function lookupExpression(table: Array<[string, string]>, key: string, fallback: string): string {
	const safe = (text: string) => text.replace(/[|="\\]/g, ' ');
	const map = `|${table.map(([k, v]) => `${safe(k)}=${safe(v)}`).join('|')}|`;
	return `={{ ("${map}".split("|" + ${key} + "=")[1] || "").split("|")[0] || ${fallback} }}`;
}

/**
 * The canvas subtitle of a resource/operation node: the display names ("Get Many: Message"),
 * never the internal values. n8n's own fallback looks up only the first `operation` property, so
 * the node carries its own table of every resource/operation pair.
 */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const resource = properties.find((p) => p.name === 'resource');
	const resources = new Map(((resource?.options ?? []) as INodePropertyOptions[]).map((o) => [String(o.value), o.name]));
	const table: Array<[string, string]> = [];
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const r of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				table.push([`${r}:${String(option.value)}`, `${option.name}: ${resources.get(r) ?? r}`]);
			}
		}
	}
	return lookupExpression(table, '$parameter["resource"] + ":" + $parameter["operation"]', '$parameter["operation"]');
}

/** The canvas subtitle of a trigger: the chosen option's display name ("New Direct Message"). */
export function optionSubtitle(properties: INodeProperties[], name: string): string {
	const property = properties.find((p) => p.name === name);
	const table = ((property?.options ?? []) as INodePropertyOptions[]).map((o): [string, string] => [String(o.value), o.name]);
	return lookupExpression(table, `$parameter["${name}"]`, `$parameter["${name}"]`);
}
