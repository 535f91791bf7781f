// The pooler run (npm run test:pgbouncer): PgBouncer in transaction mode in front of the test server, and these
// specs through it: at least one per resolver family (queries, mutations, loaders, sync, export, the PDF-free
// form records, health), the statement timeout and the pooler's own checks.
const base = require('./jest-e2e.config.js');

const SPECS = [
  'pooler', // the session settings, unnamed statements, and that the app really goes through PgBouncer
  'instances', // two instances booting at once on one fresh database
  'units',
  'cadres',
  'postings',
  'training',
  'achievements',
  'appraisals',
  'sanctions',
  'ranks',
  'flags',
  'candidates',
  'pathway',
  'policy',
  'talent-pools',
  'audit',
  'sync-postings',
  'export',
  'appointment-form-records',
  'health',
  'idempotency',
];

const { testRegex: _unused, ...rest } = base;
module.exports = {
  ...rest,
  testMatch: SPECS.map((s) => `<rootDir>/test/e2e/${s}.e2e-spec.ts`),
  globalSetup: '<rootDir>/test/pgbouncer/global-setup.ts',
  globalTeardown: '<rootDir>/test/pgbouncer/global-teardown.ts',
};
