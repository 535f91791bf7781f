import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from './app-config';

/** docs/configuration.md is the one table of settings: every key once, in a row of its own, and nothing else. */
describe('docs/configuration.md', () => {
  it('has one row per setting of CONFIG_KEYS', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');
    const rows = [...text.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
    expect([...rows].sort()).toEqual([...CONFIG_KEYS].sort());
  });
});
