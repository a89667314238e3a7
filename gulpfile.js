// Copies the non-TypeScript assets of nodes and credentials (icons, codex files) into dist/.
// Only nodes/ and credentials/ are copied: sandbox/ and test/ never reach the package.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
