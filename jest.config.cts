// Every test project of the monorepo; `npm test` runs them all (see scripts/test.mjs).
module.exports = {
  projects: [
    '<rootDir>/libs/contracts/jest.config.cts',
    '<rootDir>/backend/jest.config.cts',
    '<rootDir>/dashboard/jest.config.cts',
    '<rootDir>/widgets/jest.config.cts',
    '<rootDir>/e2e/jest.config.cts',
  ],
  maxWorkers: 2,
  // Tests on a real database (PGlite starts in each test file) need more than jest's 5 s default.
  testTimeout: 30_000,
};
