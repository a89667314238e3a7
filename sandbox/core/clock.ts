/**
 * Sandbox time. Tests can make it run faster (`scale`), jump (`advance`), and shrink every
 * rate-limit window (`windowScale`) so that an hourly limit resets in seconds.
 */
export class Clock {
	private realStart = Date.now();

	private virtualStart = Date.now();

	private scale = 1;

	windowScale = 1;

	now(): number {
		return Math.floor(this.virtualStart + (Date.now() - this.realStart) * this.scale);
	}

	nowSeconds(): number {
		return Math.floor(this.now() / 1000);
	}

	iso(ms = this.now()): string {
		return new Date(ms).toISOString();
	}

	setScale(scale: number): void {
		this.virtualStart = this.now();
		this.realStart = Date.now();
		this.scale = scale;
	}

	getScale(): number {
		return this.scale;
	}

	advance(ms: number): void {
		this.virtualStart += ms;
	}

	/** A documented window (e.g. one hour) as it applies now, after windowScale. */
	window(ms: number): number {
		return Math.max(1, Math.round(ms * this.windowScale));
	}

	reset(): void {
		this.realStart = Date.now();
		this.virtualStart = Date.now();
		this.scale = 1;
		this.windowScale = 1;
	}
}
