/**
 * Rate limits in the shared request guard, through real n8n-core against the sandbox (ClawNet):
 * a 429 is waited out and that one request sent again; requests are paced by the
 * `X-RateLimit-*` headers; a wait past the node's cap is a per-item error saying when to retry
 * (under Continue On Fail only the undelivered items, each paired with its input); and n8n's
 * Retry On Fail never sends an item that was already delivered in the same run.
 */
import { resetBudgets } from '../../nodes/shared/rateLimit';
import { paired, rl, useClawNet } from './clawnet/helpers';
import type { Json } from './clawnet/helpers';

const c = useClawNet();

const send = (message: string, extra: Record<string, unknown> = {}) => ({ resource: 'message', operation: 'send', to: rl('id', 'Tom'), message, ...extra });
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

/** The messages the sandbox accepted (status 200), and how often each. */
async function delivered(): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (const r of await c.sent({ method: 'POST', path: '/send' })) {
		if (r.status !== 200) continue;
		const message = String((r.body as Json).message);
		counts.set(message, (counts.get(message) ?? 0) + 1);
	}
	return counts;
}

afterEach(() => resetBudgets());

test('a 429 is waited out until the reset it names, and only that request is sent again, once', async () => {
	// The reset in unix milliseconds, 700 ms away (whole seconds are rounded up: see rateLimit.ts).
	const reset = Date.now() + 700;
	await c.t.current.fault({ network: 'clawnet', method: 'POST', path: '/send', kind: 'rateLimit', times: 1, headers: { 'X-RateLimit-Reset': String(reset), 'Retry-After': '1' } });
	const run = await c.run(send('={{ "note " + $json.i }}'), { input: items(3) });
	expect(run.error).toBeUndefined();
	expect(run.items.map((i) => i.json)).toEqual([0, 1, 2].map(() => ({ ok: true, id: expect.stringMatching(/^msg_/) })));
	expect(paired(run.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	const requests = await c.sent({ method: 'POST', path: '/send' });
	expect(requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
	// The refused request is sent again once, at the reset; the others were sent once.
	const refusedAt = Date.parse(requests[0].time);
	expect(Date.parse(requests[3].time)).toBeGreaterThanOrEqual(reset - 5);
	expect(Date.parse(requests[2].time) - refusedAt).toBeLessThan(300);
	expect([...(await delivered()).entries()].sort()).toEqual([['note 0', 1], ['note 1', 1], ['note 2', 1]]);
});

test('pacing by the X-RateLimit-* headers: Post → Create learns the budget left from the answers and waits for the reset instead of failing', async () => {
	// ClawNet's answers carry the POST /posts budget; an hour lasts 2 s here.
	await c.t.current.control('POST', 'clock', { windowScale: 1 / 1800 });
	const windowFrom = Date.now();
	for (let i = 0; i < 8; i++) await c.api('POST', '/posts', 'n8n_agent', { content: `earlier ${i}` });
	const run = await c.run({ resource: 'post', operation: 'create', content: '={{ "paced " + $json.i }}' }, { input: items(4) });
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(4);
	expect(run.items.every((i) => typeof i.json.id === 'string' || typeof (i.json.post as Json | undefined)?.id === 'string')).toBe(true);
	const requests = await c.sent({ method: 'POST', path: '/posts' });
	const created = requests.filter((r) => r.status === 201).map((r) => String((r.body as Json).content)).sort();
	expect(created).toEqual(['paced 0', 'paced 1', 'paced 2', 'paced 3']);
	// 8 earlier posts leave 2 of the 10 in the 2 s window, which opened at `windowFrom` or just
	// after. 'paced 0' went alone and learnt that 1 was left; the answer let two go: one took the
	// last slot, the other went as a probe and met a 429 (the reset was not known yet). Every
	// request after those three waited for the reset the answers named: X-RateLimit-Reset is in
	// whole seconds, so the window ends within the second before it, never less than 1 s after it
	// opened. A blind sender would have sent all four at once, ~0.2 s into the window.
	const early = requests.filter((r) => Date.parse(r.time) < windowFrom + 1000);
	expect(early.map((r) => r.status).sort()).toEqual([201, 201, 429]);
	// The early probe, then at most one probe each 100 ms in the reset's last second.
	expect(requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(11);
});

test('a wait past Rate Limit → Max Wait fails only the undelivered items, each paired with its input, saying when to retry', async () => {
	// An hour lasts a minute: the 61st and 62nd sends would wait about a minute; the cap is 2 s.
	await c.t.current.control('POST', 'clock', { windowScale: 1 / 60 });
	const input = items(62);
	const run = await c.run(send('={{ "note " + $json.i }}', { rateLimit: { maxWaitSeconds: 2 } }), { input, continueOnFail: true });
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(62);
	expect(paired(run.items)).toEqual(input.map((_, i) => ({ item: i })));
	const failed = run.items.map((item, i) => ({ item, i })).filter(({ item }) => item.error !== undefined);
	expect(failed).toHaveLength(2);
	for (const { item } of failed) {
		expect(`${item.error!.message} ${String((item.error as { description?: string }).description)}`).toMatch(/Run it again after \d{4}-\d\d-\d\dT/);
		expect(String((item.error as { description?: string }).description)).toMatch(/[Nn]othing was sent for this item/);
	}
	const sent = await delivered();
	expect(sent.size).toBe(60);
	expect([...sent.values()].every((n) => n === 1)).toBe(true);
	for (const { i } of failed) expect(sent.has(`note ${i}`)).toBe(false);
	// One request learnt that the window was spent; the other failed item sent nothing.
	expect((await c.sent({ method: 'POST', path: '/send' })).length).toBe(61);

	// Without Continue On Fail the node fails with the same advice, and sends nothing.
	const alone = await c.run(send('one more', { rateLimit: { maxWaitSeconds: 2 } }));
	expect(alone.error?.message).toMatch(/ClawNet rate limit for "send" \(60 per 1 hour\) is spent until \S+Z: longer than this node waits \(2 s\)/);
	expect(alone.error?.description).toMatch(/Nothing was sent for this item\. Run it again after/);
	expect(await c.sent({ method: 'POST', path: '/send' })).toHaveLength(0);
});

test('Retry On Fail runs every item again: items already delivered in this run are not sent again', async () => {
	await c.t.current.fault({ network: 'clawnet', method: 'POST', path: '/send', kind: 'status', status: 500, times: 1 });
	const run = await c.run(send('={{ "note " + $json.i }}'), { input: items(3), settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } });
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(3);
	expect(run.items.every((i) => i.json.ok === true)).toBe(true);
	expect([...(await delivered()).entries()].sort()).toEqual([['note 0', 1], ['note 1', 1], ['note 2', 1]]);
	// 3 in the first try (one answered 500), then only the failed one.
	expect(await c.sent({ method: 'POST', path: '/send' })).toHaveLength(4);
});
