/** Two projects: server-side code under node, browser code under jsdom (React Testing Library). */
const path = require('path');
const ROOT = path.resolve(__dirname, '..');
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }];

const common = {
  rootDir: ROOT,
  transform: { '^.+\\.(ts|tsx)$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/target/', '/build/', '/test/integration/', '/test/e2e/'],
};

module.exports = {
  rootDir: ROOT,
  projects: [
    {
      ...common,
      displayName: 'server',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/ensure_fixtures.mjs',
      testMatch: ['<rootDir>/{server,common,dev,scripts}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'public',
      testEnvironment: 'jsdom',
      globalSetup: '<rootDir>/test/ensure_fixtures.mjs',
      testEnvironmentOptions: { url: 'http://localhost:5601/app/mlModels' },
      testMatch: ['<rootDir>/public/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/setup_public.ts'],
      moduleNameMapper: {
        '\\.(css|scss|svg)$': '<rootDir>/test/mocks/style_mock.js',
        // OUI requires OSD's fork of datemath, which is not on npm; the upstream original has its API.
        '^@opensearch/datemath$': '@elastic/datemath',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/test/integration/global_setup.mjs',
      globalTeardown: '<rootDir>/test/integration/global_teardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/test/integration/global_setup.mjs',
      globalTeardown: '<rootDir>/test/integration/global_teardown.mjs',
    },
  ],
};
