import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { shownOnlyFor } from './sameFields';

/**
 * A field's own value in its request path: a field routed with
 * `request: { url: `/posts/${OWN_VALUE}` }` sends its value (after expressions and resource-locator
 * extraction), trimmed and URL-encoded, in place of the placeholder.
 *
 * Declarative routing would write this as a url expression (`=/posts/{{ encodeURIComponent(...) }}`),
 * which n8n evaluates for every item — a data proxy and a Luxon clock each time, about a tenth of a
 * Get's cost. Here routing sends the value it has already resolved under a reserved query key
 * (`routeOwnValue`, applied by withSharedLayers) and the Resource selector's preSend moves it into
 * the path (`fillPath`), after the input layer has checked it.
 */
export const OWN_VALUE = '{value}';

/** The routing a field whose url holds OWN_VALUE needs: its value sent under the reserved key. */
export function routeOwnValue(property: INodeProperties): INodeProperties {
	const url = property.routing?.request?.url;
	if (typeof url !== 'string' || !url.includes(OWN_VALUE)) return property;
	if (url.startsWith('=')) throw new Error(`${property.name}: a url with ${OWN_VALUE} must not be an expression (${url})`);
	if (property.routing?.send?.property !== undefined) throw new Error(`${property.name}: a field in the path cannot also send itself (${url})`);
	return {
		...property,
		routing: { ...property.routing, send: { ...property.routing!.send, type: 'query', property: OWN_VALUE, propertyInDotNotation: false } },
	};
}

/** preSend: puts the value routed under OWN_VALUE into the url's placeholder; nothing else changes. */
export async function fillPath(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const qs = requestOptions.qs as IDataObject | undefined;
	if (!qs || !Object.prototype.hasOwnProperty.call(qs, OWN_VALUE)) return requestOptions;
	const value = qs[OWN_VALUE];
	delete qs[OWN_VALUE];
	requestOptions.url = String(requestOptions.url ?? '').replace(OWN_VALUE, encodeURIComponent(String(value).trim()));
	return requestOptions;
}

/**
 * A path field's url moves to its operation, when the field shows for its operations on no
 * further condition: the field then only sends its value, so the same field of several
 * operations (a Post ID that Get, Like and Report put in different paths) is one and the same
 * property, which sameFields merges. A field shown on a condition (Task → Send's agent, only when
 * sending to a ClawNet agent) keeps its url: the operation's own url serves the other case.
 */
export function hoistPathUrls(properties: INodeProperties[]): INodeProperties[] {
	const urls = new Map<string, string>();
	const fields = properties.map((property) => {
		const url = property.routing?.request?.url;
		const pairs = shownOnlyFor(property);
		if (typeof url !== 'string' || !url.includes(OWN_VALUE) || !pairs) return property;
		for (const pair of pairs) urls.set(pair, url);
		const request = Object.fromEntries(Object.entries(property.routing!.request!).filter(([key]) => key !== 'url'));
		const routing = Object.fromEntries(Object.entries({ ...property.routing, request }).filter(([key, value]) => key !== 'request' || Object.keys(value as object).length > 0));
		return { ...property, routing };
	});
	return fields.map((property) => {
		if (property.name !== 'operation' || property.type !== 'options') return property;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		return {
			...property,
			options: (property.options as INodePropertyOptions[]).map((option) => {
				const url = resources.map((resource) => urls.get(`${resource}:${String(option.value)}`)).find((u) => u !== undefined);
				return url === undefined ? option : { ...option, routing: { ...option.routing, request: { ...option.routing?.request, url } } };
			}),
		};
	});
}
