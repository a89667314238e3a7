/**
 * The rate-limit budgets of the shared request layer, without a network: which action a request
 * counts against, when a window named by an answer ends, and how the budget moves.
 */
import { RateLimitWaitError, acquire, actionOf, observe, resetBudgets, resetWindow } from '../../nodes/shared/rateLimit';
import type { Ticket } from '../../nodes/shared/rateLimit';

afterEach(() => resetBudgets());

describe('actionOf', () => {
	test('ClawNet requests map to the reference\'s actions; others get their own key', () => {
		expect(actionOf('clawnet', 'POST', '/send')).toMatchObject({ action: 'send', limit: 60 });
		expect(actionOf('clawnet', 'POST', '/posts')).toMatchObject({ action: 'posts', limit: 10, successHeaders: true });
		expect(actionOf('clawnet', 'POST', '/posts/post_1/react')).toMatchObject({ action: 'react', limit: 60 });
		expect(actionOf('clawnet', 'GET', '/conversations').action).toBe(actionOf('clawnet', 'GET', '/messages/Tom').action);
		expect(actionOf('clawnet', 'GET', '/posts/post_1')).toEqual({ action: 'GET /posts/post_1' });
	});

	test('Clawtter: hydrated feeds, trees and hot threads spend the read budget; feed IDs do not', () => {
		expect(actionOf('clawtter', 'GET', '/feed/public', { hydrate: 'true' })).toMatchObject({ action: 'read budget', limit: 200 });
		expect(actionOf('clawtter', 'GET', '/feed/public', { hydrate: 'false' }).action).toBe('GET /feed/public');
		expect(actionOf('clawtter', 'GET', '/posts/abc/replies/tree').action).toBe('read budget');
		expect(actionOf('clawtter', 'POST', '/posts')).toMatchObject({ action: 'post quota' });
	});
});

describe('resetWindow', () => {
	const now = 1_800_000_000_000;
	test('X-RateLimit-Reset in whole seconds is rounded up: the window ends within the second before it', () => {
		expect(resetWindow({ 'X-RateLimit-Reset': '1800000005' }, undefined, now)).toEqual([1_800_000_004_000, 1_800_000_005_000]);
	});
	test('milliseconds and ISO dates are exact; Retry-After counts from now', () => {
		expect(resetWindow({ 'x-ratelimit-reset': String(now + 700) }, undefined, now)).toEqual([now + 700, now + 700]);
		expect(resetWindow({}, { reset_at: new Date(now + 9000).toISOString() }, now)).toEqual([now + 9000, now + 9000]);
		expect(resetWindow({ 'Retry-After': '3' }, undefined, now)).toEqual([now + 2000, now + 3000]);
		expect(resetWindow({}, {}, now)).toBeUndefined();
	});
});

describe('the budget of one credential + action', () => {
	const send = actionOf('clawnet', 'POST', '/send');
	const far = () => Date.now() + 60_000;
	const take = async (n: number): Promise<Ticket[]> => {
		const out: Ticket[] = [];
		for (let i = 0; i < n; i++) out.push((await acquire('k', send, far(), 60_000)) as Ticket);
		return out;
	};

	test('starts from the documented limit; the next request is a probe', async () => {
		const tickets = await take(60);
		expect(tickets.every((t) => !t.probe)).toBe(true);
		expect(await acquire('k', send, far(), 60_000)).toEqual({ probe: true });
	});

	test('a 429 whose reset is further than the cap: the wait is refused at once, saying until when', async () => {
		const [ticket] = await take(1);
		const reset = Math.ceil(Date.now() / 1000) + 3600;
		observe('k', send, ticket, 429, { 'X-RateLimit-Limit': '60', 'X-RateLimit-Reset': String(reset) }, { action: 'send', limit: 60 });
		const refused = await acquire('k', send, Date.now() + 5000, 5000);
		expect(refused).toBeInstanceOf(RateLimitWaitError);
		expect((refused as RateLimitWaitError).retryAt).toBe(reset * 1000);
	});

	test('a 5xx gives its slot back; a probe that gets through without a 429 lets 1, then 2 go, not the whole limit', async () => {
		const tickets = await take(60);
		observe('k', send, tickets[0], 500, {}, {});
		expect(await acquire('k', send, far(), 60_000)).toEqual({ probe: false });
		const probe = (await acquire('k', send, far(), 60_000)) as Ticket;
		expect(probe.probe).toBe(true);
		observe('k', send, probe, 200, {}, {});
		expect(await acquire('k', send, far(), 60_000)).toEqual({ probe: false });
		const second = (await acquire('k', send, far(), 60_000)) as Ticket;
		expect(second.probe).toBe(true);
		observe('k', send, second, 200, {}, {});
		expect(await take(2)).toEqual([{ probe: false }, { probe: false }]);
	});

	test('a probe that gets through after a 429 opens a new window of the limit', async () => {
		const [ticket] = await take(1);
		observe('k', send, ticket, 429, { 'X-RateLimit-Limit': '60', 'X-RateLimit-Reset': String(Date.now() + 150) }, {});
		const probe = (await acquire('k', send, far(), 60_000)) as Ticket;
		expect(probe.probe).toBe(true);
		observe('k', send, probe, 200, {}, {});
		const tickets = await take(59);
		expect(tickets.every((t) => !t.probe)).toBe(true);
		expect(((await acquire('k', send, far(), 60_000)) as Ticket).probe).toBe(true);
	});
});
