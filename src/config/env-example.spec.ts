import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, CONFIG_KEYS, loadConfig } from './app-config';

/** .env.example documents every setting with its real default: it fails when a setting is added or changed. */
describe('.env.example', () => {
  const lines = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8').split('\n');
  const entries = lines.flatMap((line) => {
    const m = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    return m ? [{ key: m[2], value: m[3], set: !m[1] }] : [];
  });
  const defaults = new AppConfig() as unknown as Record<string, unknown>;

  it('lists every setting of CONFIG_KEYS once, and nothing else', () => {
    expect(entries.map((e) => e.key).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('shows each default as it is, and leaves settings without a default commented out', () => {
    for (const { key, value, set } of entries) {
      if (set) expect([key, value]).toEqual([key, String(defaults[key])]);
      else expect([key, defaults[key]]).toEqual([key, undefined]);
    }
  });

  it('is a valid configuration as it stands', () => {
    const env = Object.fromEntries(entries.filter((e) => e.set).map((e) => [e.key, e.value]));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
