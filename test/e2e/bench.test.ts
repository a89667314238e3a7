/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- dev-only code (end-to-end tests): it runs `npm run bench`'s script as a user would, and never ships in dist/ */
/**
 * `npm run bench` is not a test — its figures are timings — but it must keep running on the
 * code as it is (it broke once, unseen, when sandbox ids stopped repeating). This runs it at a
 * tiny size on the pinned runtime, exactly as `npm run bench` does after building, and checks the
 * table it prints: every row there, and the rate-limited batch's outcome, which is not a timing
 * (200 delivered once, 0 duplicates, 0 failed, with and without Retry On Fail).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { INSTALL_TIMEOUT_MS, describeWithN8n, runtime } from './e2e';

const ROOT = join(__dirname, '../..');

describeWithN8n('npm run bench at a tiny size', () => {
	beforeAll(() => void runtime(), INSTALL_TIMEOUT_MS);

	test('prints every row; the rate-limited batch delivers 200 exactly once, none failed', () => {
		const run = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/run.js')], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, BENCH_ITEMS: '20', BENCH_REPS: '1', BENCH_BIG: '60' },
			timeout: 120_000,
		});
		expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
		const rows = run.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Measure'));
		expect(rows.map((row) => row.split(' | ')[0].replace(/\(.*$/, '').trim())).toEqual([
			'| Message → Send, CPU per item',
			'| Post → Get, CPU per item',
			'| Post → Get Many, Return All of 65 posts', // the 60 made plus the sandbox's seeded ones
			'| Post → Get, a batch of 60 items',
			'| ClawNet Trigger, New Direct Message',
			'| 200 × Message → Send at 60/hour',
			'| the same, Retry On Fail',
		]);
		expect(rows[0]).toMatch(/HTTP Request node [\d,]+ µs, declarative floor [\d,]+ µs \(with \d+ properties [\d,]+ µs\), fetch/);
		for (const batch of rows.slice(5)) expect(batch).toMatch(/\| 200 delivered, 0 duplicates, 0 failed \|/);
		expect(rows[2]).toMatch(/1\.00× the fewest possible/);
	}, 150_000);
});
