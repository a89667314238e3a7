import type { Handler } from './types';

interface Route<S> {
	method: string;
	segments: string[];
	handler: Handler<S>;
}

export interface RouteMatch<S> {
	handler: Handler<S>;
	params: Record<string, string>;
}

/** Method + path routing with `:name` segments; path segments are URL-decoded into params. */
export class Router<S> {
	private readonly routes: Array<Route<S>> = [];

	add(method: string, pattern: string, handler: Handler<S>): this {
		this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
		return this;
	}

	get(pattern: string, handler: Handler<S>): this {
		return this.add('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler<S>): this {
		return this.add('POST', pattern, handler);
	}

	put(pattern: string, handler: Handler<S>): this {
		return this.add('PUT', pattern, handler);
	}

	patch(pattern: string, handler: Handler<S>): this {
		return this.add('PATCH', pattern, handler);
	}

	delete(pattern: string, handler: Handler<S>): this {
		return this.add('DELETE', pattern, handler);
	}

	/** 'match', 'method' (path exists with another method) or 'none'. */
	match(method: string, path: string): RouteMatch<S> | 'method' | 'none' {
		const parts = split(path);
		let pathMatched = false;
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			pathMatched = true;
			if (route.method === method.toUpperCase()) return { handler: route.handler, params };
		}
		return pathMatched ? 'method' : 'none';
	}
}

function split(path: string): string[] {
	return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
	if (pattern.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		const p = pattern[i];
		if (p.startsWith(':')) {
			try {
				params[p.slice(1)] = decodeURIComponent(parts[i]);
			} catch {
				return undefined;
			}
		} else if (p !== parts[i]) {
			return undefined;
		}
	}
	return params;
}
