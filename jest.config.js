// Two projects: `unit` (pure core, sandbox self-tests; fast) and `e2e` (a real n8n started by test/e2e/harness).
const tsJest = ['ts-jest', { diagnostics: false }];

module.exports = {
	// per-project testTimeout is ignored by Jest 30; e2e tests wait on real n8n executions
	testTimeout: 300000,
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/sandbox/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/harness/global-teardown.ts',
		},
	],
};
