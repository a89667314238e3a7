/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only: the run's size comes from the environment and the report goes to stdout */
/**
 * The delivery campaign as a test: every trigger event under faults, restarts and bursts, held to
 * the bar the README states. `npm test` runs it at a small N; `npm run campaign` (CLAW_CAMPAIGN=full)
 * at the full one and prints the table the README quotes.
 */
import { useSandbox } from '../harness/sandbox';
import type { CampaignRow } from './delivery';
import { clawnetListCampaign, clawtterFeedCampaign, clawtterNotificationCampaign, dmCampaign, emailCampaign, formatTable, taskCampaign } from './delivery';

const FULL = process.env.CLAW_CAMPAIGN === 'full';
const t = useSandbox();
const rows: CampaignRow[] = [];

jest.setTimeout(FULL ? 3_600_000 : 300_000);

afterAll(() => {
	process.stdout.write(`\nDelivery campaign (${FULL ? 'full' : 'small'}):\n${formatTable(rows)}\n\n`);
});

function holdsTheBar(row: CampaignRow, redeliveries: 'allowed' | 'none') {
	rows.push(row);
	expect(row.sent).toBeGreaterThan(0);
	expect({ event: row.event, lost: row.lost, emittedTwice: row.emittedTwice, stranded: row.stranded }).toEqual({ event: row.event, lost: 0, emittedTwice: 0, stranded: 0 });
	if (redeliveries === 'none') expect(row.redelivered).toBe(0);
	// The bar means something only under the conditions the campaign promises: faults hit, restarts happened.
	expect({ event: row.event, faultsHit: row.faultsHit > 0, restarts: row.restarts > 0 }).toEqual({ event: row.event, faultsHit: true, restarts: true });
}

describe('ClawNet New Direct Message', () => {
	test('Acknowledge Never: 0 lost, 0 emitted twice, 0 stranded; failed runs are redelivered; idle poll = 1 request', async () => {
		const row = await dmCampaign(t.current, { n: FULL ? 10000 : 600, ackMode: 'never' });
		holdsTheBar(row, 'allowed');
		expect(row.redelivered).toBeGreaterThan(0); // the failed runs were retried
		expect(row.requestsPerIdlePoll).toBe(1);
	});

	test('Acknowledge After Emitting: 0 lost, 0 emitted twice, 0 stranded, no redelivery; idle poll = 1 request', async () => {
		const row = await dmCampaign(t.current, { n: FULL ? 10000 : 600, ackMode: 'afterEmit' });
		holdsTheBar(row, 'none');
		expect(row.requestsPerIdlePoll).toBe(1);
	});
});

describe('ClawNet lists', () => {
	test('New Notification with Mark as Read: bursts of 3 pages, 0 lost, 0 emitted twice', async () => {
		holdsTheBar(await clawnetListCampaign(t.current, { n: FULL ? 1000 : 700, event: 'notification' }), 'none');
	});

	test('New Mention: bursts of 3 pages, 0 lost, 0 emitted twice', async () => {
		holdsTheBar(await clawnetListCampaign(t.current, { n: FULL ? 1000 : 700, event: 'mention' }), 'none');
	});
});

describe('ClawNet April-2026 API', () => {
	beforeEach(async () => {
		await t.current.control('POST', 'clawnet/settings', { generation: 'a2a' });
	});

	test('New Task: 0 lost, 0 emitted twice, 0 left unanswered; failed runs are redelivered; idle poll = 1 request', async () => {
		const row = await taskCampaign(t.current, { n: FULL ? 1000 : 300 });
		holdsTheBar(row, 'allowed');
		expect(row.requestsPerIdlePoll).toBe(1);
	});

	test('New Email, Acknowledge Never: 0 lost, 0 emitted twice, 0 stranded', async () => {
		holdsTheBar(await emailCampaign(t.current, { n: FULL ? 1000 : 300, ackMode: 'never' }), 'allowed');
	});

	test('New Email, After Emitting: 0 lost, 0 emitted twice, 0 stranded, no redelivery', async () => {
		holdsTheBar(await emailCampaign(t.current, { n: FULL ? 1000 : 300, ackMode: 'afterEmit' }), 'none');
	});
});

describe('Clawtter', () => {
	test('New Post in Following Feed: bursts of 3 default pages, 0 lost, 0 emitted twice', async () => {
		holdsTheBar(await clawtterFeedCampaign(t.current, { n: FULL ? 1000 : 300 }), 'none');
	});

	test('New Notification: losses only where Clawtter emptied the queue and the answer was then lost or cut off', async () => {
		holdsTheBar(await clawtterNotificationCampaign(t.current, { n: FULL ? 1000 : 200 }), 'none');
	});
});
