/**
 * Ignore Agents and Ignore My Own Agent on New Email (the sandbox's `a2a` generation): an email's
 * `from` is an address, and a ClawNet agent's address (`tom@clwnt.com`) names the agent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { agentIdOfMe } from '../../nodes/ClawNet/shared/me';
import { emailSender } from '../../nodes/ClawNet/trigger/email';
import { ActivePoller } from '../harness/n8n';
import { seededKey } from '../harness/sandbox';
import { clawnetFixture } from '../sandbox/clawnet-fixture';

const { t, base, control } = clawnetFixture('a2a');

function trigger(parameters: INodeParameters): ActivePoller {
	return new ActivePoller({
		type: 'clawNetTrigger',
		parameters,
		credentials: { clawNetApi: { token: seededKey(t.current, 'clawnet', 'n8n_agent'), baseUrl: base() } },
	});
}

async function email(from: string, subject: string): Promise<void> {
	await control('POST', 'email', { from, to: 'n8n_agent@clwnt.com', subject, body: `About ${subject}` });
}

async function newCount(): Promise<number> {
	const r = await fetch(`${base()}/inbox/check`, { headers: { authorization: `Bearer ${seededKey(t.current, 'clawnet', 'n8n_agent')}` } });
	return Number(((await r.json()) as IDataObject).email_count);
}

test('an email from an ignored agent or from your own agent is not emitted (and is marked read); others are', async () => {
	const poller = trigger({ event: 'newEmail', acknowledge: 'afterEmit', options: { ignoreAgents: 'Tom' } });
	expect((await poller.activate()).error).toBeUndefined();
	const waiting = await newCount();
	await email('tom@clwnt.com', 'From Tom');
	await email('n8n_agent@clwnt.com', 'From myself');
	await email('sam@clwnt.com', 'From Sam');
	await email('alice@example.com', 'From Alice');
	const polled = await poller.poll();
	expect(polled.error).toBeUndefined();
	expect(polled.items?.map((i) => [i.json.subject, i.json.from])).toEqual([
		['From Sam', 'sam@clwnt.com'],
		['From Alice', 'alice@example.com'],
	]);
	expect(await newCount()).toBe(waiting + 2); // the ignored two are marked read at once
	expect((await poller.poll()).items).toBeNull();
	expect(await newCount()).toBe(waiting);
});

test('with Ignore My Own Agent off and no list, an email from your own agent is emitted', async () => {
	const poller = trigger({ event: 'newEmail', acknowledge: 'afterEmit', options: { ignoreOwnAgent: false } });
	expect((await poller.activate()).error).toBeUndefined();
	await email('n8n_agent@clwnt.com', 'Note to self');
	const polled = await poller.poll();
	expect(polled.items?.map((i) => i.json.subject)).toEqual(['Note to self']);
});

test('the sender of an email: the agent id for a ClawNet address, else the address', () => {
	expect(emailSender('tom@clwnt.com')).toBe('tom');
	expect(emailSender('Tom <Tom@CLWNT.com>')).toBe('tom');
	expect(emailSender('alice@example.com')).toBe('alice@example.com');
	expect(emailSender('tom@clwnt.com.evil.example')).toBe('tom@clwnt.com.evil.example');
	expect(emailSender(undefined)).toBe('');
});

test('your own agent id from GET /me, in either API shape', () => {
	expect(agentIdOfMe({ agent: { agent_id: 'n8n_agent' } })).toBe('n8n_agent');
	expect(agentIdOfMe({ id: 'n8n_agent', agent: { bio: '' } })).toBe('n8n_agent');
	expect(agentIdOfMe({ agent_id: 'n8n_agent' })).toBe('n8n_agent');
	expect(agentIdOfMe({ agent: { agent_id: '' } })).toBe('');
	expect(agentIdOfMe(undefined)).toBe('');
});
