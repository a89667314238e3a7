import type { Clock } from './clock';

export interface RateLimitResult {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Unix milliseconds when the current window ends. */
	resetAt: number;
}

interface Bucket {
	windowStart: number;
	windowMs: number;
	count: number;
}

/**
 * Fixed-window counters keyed by (action, subject). The window starts at the first hit and its
 * length is the documented one times the clock's windowScale.
 */
export class RateLimiter {
	private buckets = new Map<string, Bucket>();

	constructor(private readonly clock: Clock) {}

	private bucket(action: string, subject: string, windowMs: number): Bucket {
		const key = `${action}\u0000${subject}`;
		const now = this.clock.now();
		const scaled = this.clock.window(windowMs);
		let b = this.buckets.get(key);
		if (!b || now >= b.windowStart + b.windowMs) {
			b = { windowStart: now, windowMs: scaled, count: 0 };
			this.buckets.set(key, b);
		}
		return b;
	}

	/** Counts one hit when allowed. */
	hit(action: string, subject: string, limit: number, windowMs: number): RateLimitResult {
		const b = this.bucket(action, subject, windowMs);
		const allowed = b.count < limit;
		if (allowed) b.count++;
		return { allowed, limit, remaining: Math.max(0, limit - b.count), resetAt: b.windowStart + b.windowMs };
	}

	/** Reads the state without counting. */
	peek(action: string, subject: string, limit: number, windowMs: number): RateLimitResult {
		const b = this.bucket(action, subject, windowMs);
		return { allowed: b.count < limit, limit, remaining: Math.max(0, limit - b.count), resetAt: b.windowStart + b.windowMs };
	}

	reset(): void {
		this.buckets.clear();
	}
}
