'use strict';
// Loads every node and credential listed in an installed package's package.json `n8n` section the
// way n8n-core's directory loader does (require the file, take the export named after the file,
// `new` it) and prints what it found as JSON after a marker.
//
//   node load-package.cjs <package directory>
//
// Run it from an install folder where only the package itself and n8n-workflow are resolvable
// (no NODE_PATH): a node that needs n8n-core or any other package fails here, as it would in n8n.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const packageDir = fs.realpathSync(process.argv[2]);
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const inPackage = (file) => typeof file === 'string' && file.startsWith(packageDir + path.sep);

const resolvable = {};
for (const name of ['n8n-workflow', 'n8n-core']) {
	try {
		resolvable[name] = require.resolve(name, { paths: [packageDir] });
	} catch {
		resolvable[name] = null;
	}
}

// Every bare module name the package's own files ask for (n8n only provides n8n-workflow).
const bareRequests = [];
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
	if (parent && inPackage(parent.filename) && !request.startsWith('.') && !path.isAbsolute(request)) {
		bareRequests.push({ request, from: path.relative(packageDir, parent.filename) });
	}
	return originalLoad.call(this, request, parent, isMain);
};

function load(listed) {
	const file = path.join(packageDir, listed);
	// n8n-core: `const [className] = path.parse(sourcePath).name.split('.')`
	const className = path.parse(listed).name.split('.')[0];
	const entry = { listed, className };
	try {
		const exported = require(file);
		entry.exports = Object.keys(exported);
		const Class = exported[className];
		if (typeof Class !== 'function') throw new Error(`${listed} does not export a class named ${className}`);
		entry.instance = new Class();
	} catch (error) {
		// The message (with Node's "Require stack") says what failed; the loader's stack adds nothing.
		entry.error = String((error && error.message) || error);
	}
	return entry;
}

const pick = (description) =>
	description && {
		name: description.name,
		displayName: description.displayName,
		icon: description.icon,
		version: description.version,
		group: description.group,
		usableAsTool: description.usableAsTool,
		hasProperties: Array.isArray(description.properties),
	};

const nodes = ((pkg.n8n && pkg.n8n.nodes) || []).map((listed) => {
	const { instance, ...entry } = load(listed);
	if (instance) {
		entry.description = pick(instance.description);
		if (instance.nodeVersions) {
			entry.versionDescriptions = Object.values(instance.nodeVersions).map((v) => pick(v.description));
		}
	}
	return entry;
});

const credentials = ((pkg.n8n && pkg.n8n.credentials) || []).map((listed) => {
	const { instance, ...entry } = load(listed);
	if (instance) {
		entry.credential = {
			name: instance.name,
			displayName: instance.displayName,
			icon: instance.icon,
			propertiesIsArray: Array.isArray(instance.properties),
			propertyCount: Array.isArray(instance.properties) ? instance.properties.length : 0,
		};
	}
	return entry;
});

process.stdout.write(
	'\n@@STATIC-CHECK-RESULT@@' + JSON.stringify({ packageDir, resolvable, bareRequests, nodes, credentials }),
);
