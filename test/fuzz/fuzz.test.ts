/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only: the run's size comes from the environment and the report goes to stdout */
/**
 * The input fuzz suite (see fuzz.ts). `npm test` runs a sample: every parameter of every
 * operation with a rotating share of the hostile inputs, and two faults per operation.
 * `npm run fuzz` runs everything (FUZZ=full). The bar is 0 for every figure.
 */
import { useSandbox } from '../harness/sandbox';
import { Fuzzer, enumerateOperations, hostileInputs, loadBuiltNodes } from './fuzz';

const full = process.env.FUZZ === 'full';
const t = useSandbox();

jest.setTimeout(full ? 3_600_000 : 600_000);

test(`every parameter of every operation refuses hostile input before sending (${full ? 'full run' : 'sample'})`, async () => {
	const operations = enumerateOperations(loadBuiltNodes());
	expect(operations.length).toBeGreaterThanOrEqual(70);
	const fuzzer = new Fuzzer(t.current);
	let turn = 0;
	for (const op of operations) {
		for (const parameter of op.parameters) {
			const inputs = hostileInputs(parameter.property);
			// The sample takes every fourth input, shifted per parameter so that all inputs get used.
			const chosen = full ? inputs : inputs.filter((_, i) => (i + turn) % 4 === 0);
			turn++;
			for (const input of chosen) await fuzzer.hostile(op, parameter, input);
		}
		const kinds = ['reset', 'status500', 'status400', 'malformed', 'echo'] as const;
		const faults = full ? kinds.flatMap((k) => [[k, false], [k, true]] as const) : ([[kinds[turn % 5], turn % 2 === 0], [kinds[(turn + 2) % 5], turn % 2 === 1]] as const);
		for (const [kind, continueOnFail] of faults) await fuzzer.fault(op, kind, continueOnFail);
		await t.current.reset();
	}
	const parameters = operations.reduce((n, op) => n + op.parameters.length, 0);
	process.stdout.write(`\nInput fuzz (${full ? 'full' : 'sample'}, ${parameters} parameters of ${operations.length} operations):\n${fuzzer.report()}\n`);
	if (process.env.FUZZ_SHOW_REFUSED) process.stdout.write(`${[...fuzzer.refusedValid, ...fuzzer.rejectedByServer].join("\n")}\n`);
	const f = fuzzer.figures;
	expect({
		requestsForInvalid: f.requestsForInvalid,
		wrongRoute: f.wrongRoute,
		crashes: f.crashes,
		errorsWithoutField: f.errorsWithoutField,
		secretLeaks: f.secretLeaks,
		dishonestRetryAdvice: f.dishonestRetryAdvice,
	}).toEqual({ requestsForInvalid: 0, wrongRoute: 0, crashes: 0, errorsWithoutField: 0, secretLeaks: 0, dishonestRetryAdvice: 0 });
});
