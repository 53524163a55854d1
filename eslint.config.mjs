// ESLint 9 flat config: n8n's community-node rules on the package, plus the project's own boundaries:
// node code imports only what n8n allows, and nodes/ and the sandbox never import each other.
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const nodeCode = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const sandboxCode = ['test/sandbox/**/*.ts'];

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'gulpfile.js', 'eslint.config.mjs', '.n8n-run/**'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		files: [...nodeCode, 'package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
		ignores: [],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-credentials-name-unsuffixed': 'off',
			'n8n-nodes-base/node-execute-block-wrong-error-thrown': 'off',
			// Superseded by @n8n/community-nodes/node-connection-type-literal (NodeConnectionTypes.Main).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['package.json'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		// The core must not be able to use anything n8n Cloud would refuse, dev dependencies included.
		files: nodeCode,
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/test/**', '**/sandbox/**'], message: 'Node code must not import tests or the sandbox.' },
						{
							regex: '^(?!n8n-workflow$|node:crypto$|crypto$|\\.{1,2}/).*',
							message: 'Node code may import only n8n-workflow, node:crypto and its own files.',
						},
					],
				},
			],
		},
	},
	{
		// The sandbox is the independent counterpart: a bug shared with our nodes must not be able to pass.
		files: sandboxCode,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/nodes/**', '**/credentials/**', 'n8n-workflow'], message: 'The sandbox must not import the nodes under test.' },
					],
				},
			],
		},
	},
);
