// Runs n8n's verification scanner (@n8n/scan-community-package) on a directory and prints the
// result as JSON after a marker. A separate ESM process because jest runs tests as CommonJS in a
// VM, where `import()` of the scanner's .mjs module is not available.
//
//   node scan.mjs <scanner.mjs path> <directory> source|tarball [packageName]
//
// `source` lints the files the scanner lints in the provenance-attested source checkout
// (SOURCE_FILE_PATTERNS) and also reports which folder the scanner would pick as the package
// root; `tarball` lints the unpacked tarball the way analyzePackageByName does.
import { pathToFileURL } from 'node:url';

const [scannerPath, directory, mode, packageName] = process.argv.slice(2);
const scanner = await import(pathToFileURL(scannerPath).href);

if (mode === 'source' && !Array.isArray(scanner.SOURCE_FILE_PATTERNS)) {
	throw new Error('scanner.mjs no longer exports SOURCE_FILE_PATTERNS: re-read it and update scan.mjs');
}
// analyzePackageByName: analyzePackage(packageDir, ['**/*.js', 'package.json']) for the tarball.
const patterns = mode === 'source' ? scanner.SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
const result = await scanner.analyzePackage(directory, patterns);
const packageRoot =
	mode === 'source' && packageName && typeof scanner.findPackageRoot === 'function'
		? scanner.findPackageRoot(directory, packageName)
		: undefined;

process.stdout.write(
	'\n@@STATIC-CHECK-RESULT@@' +
		JSON.stringify({
			patterns,
			packageRoot,
			passed: result.passed,
			message: result.message,
			details: result.details,
			error: result.error ? String(result.error.stack ?? result.error) : undefined,
		}),
);
