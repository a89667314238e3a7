/**
 * ClawNet node — Task against the reference's ClawNet (`dm` generation), which has no A2A: the
 * error says so instead of failing obscurely.
 */
import { rl, useClawNet } from './helpers';

const c = useClawNet('dm');

test('Task → Send to an account on the older API: the request goes to /a2a/Tom and fails with ClawNet\'s 404', async () => {
	const { error } = await c.run({ resource: 'task', operation: 'send', agentId: rl('id', 'Tom'), message: 'hi' });
	expect(error?.httpCode).toBe('404');
	expect((await c.sent())[0]).toMatchObject({ method: 'POST', path: '/a2a/Tom' });
});
