'use strict';
// The sandbox in its own process for the benchmark, so that the benchmark's CPU figures are the
// client's alone. Prints its info as one JSON line; stops when its parent closes stdin.
const path = require('node:path');

const { createSandbox } = require(path.resolve(__dirname, '../../.build/sandbox/index.js'));

(async () => {
	const sandbox = createSandbox({ host: '127.0.0.1', ports: { control: 0, clawnet: 0, clawtter: 0, clawpost: 0 } });
	const info = await sandbox.start();
	process.stdout.write(`${JSON.stringify(info)}\n`);
	process.stdin.resume();
	process.stdin.on('end', () => void sandbox.stop().then(() => process.exit(0)));
})().catch((error) => {
	process.stderr.write(`sandbox failed: ${error.stack}\n`);
	process.exit(1);
});
