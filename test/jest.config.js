/**
 * Unit projects: server-side code under node, browser code under jsdom (React Testing Library)
 * with React 16.14 (OSD 2.x), and the app mounted under React 18 (OSD 3.6+), which resolves
 * every `react`/`react-dom` import to the React 18 copies installed as react18/react-dom18.
 * Then the integration and browser suites.
 */
const path = require('path');
const ROOT = path.resolve(__dirname, '..');
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }];

const publicModules = {
  '\\.(css|scss|svg)$': '<rootDir>/test/mocks/style_mock.js',
  // OUI requires OSD's fork of datemath, which is not on npm; the upstream original has its API.
  '^@opensearch/datemath$': '@elastic/datemath',
};

const common = {
  rootDir: ROOT,
  transform: { '^.+\\.(ts|tsx)$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/target/', '/build/', '/test/integration/', '/test/e2e/', '/test/security/'],
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
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.react18\\.test\\.tsx$'],
      setupFilesAfterEnv: ['<rootDir>/test/setup_public.ts'],
      moduleNameMapper: publicModules,
    },
    {
      ...common,
      displayName: 'react18',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { url: 'http://localhost:5601/app/mlModels' },
      testMatch: ['<rootDir>/public/**/*.react18.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/setup_public.ts'],
      moduleNameMapper: {
        ...publicModules,
        '^react$': 'react18',
        '^react/(.*)$': 'react18/$1',
        '^react-dom$': 'react-dom18',
        '^react-dom/(.*)$': 'react-dom18/$1',
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
      // The plugin against a cluster with the Security plugin: who the caller is, and what each may do.
      displayName: 'security',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/security/**/*.test.ts'],
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
