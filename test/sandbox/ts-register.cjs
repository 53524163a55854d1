// Lets Node 20 load the sandbox's TypeScript directly (no build step, no extra dependency: the project's own
// `typescript` transpiles each file as it is required). Used by main.ts's command line and its test:
//   node -r ./test/sandbox/ts-register.cjs test/sandbox/main.ts --port 5679
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			inlineSourceMap: true,
		},
	});
	module._compile(outputText, filename);
};
