import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendChecksums,
  CHECKSUMS_FILE,
  checksumProblems,
  migrationFiles,
  MIGRATIONS_DIR,
  readChecksums,
} from '../../scripts/migration-checksums';

/** Landed migrations are immutable: their checksums are committed in migrations/checksums.json. */
describe('migration checksums', () => {
  it('every migration is listed and unchanged since it landed', () => {
    expect(checksumProblems(MIGRATIONS_DIR)).toEqual([]);
  });

  describe('in a copy of migrations/', () => {
    let dir: string;
    const first = migrationFiles(MIGRATIONS_DIR)[0];
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cp-migrations-'));
      for (const f of [...migrationFiles(MIGRATIONS_DIR), CHECKSUMS_FILE]) {
        copyFileSync(join(MIGRATIONS_DIR, f), join(dir, f));
      }
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('an edited migration fails, and appending does not hide it', () => {
      writeFileSync(join(dir, first), `${readFileSync(join(dir, first), 'utf8')}// one more line\n`);
      expect(appendChecksums(dir)).toEqual([]);
      expect(checksumProblems(dir)).toEqual([expect.stringContaining(`${first} changed after it landed`)]);
    });

    it('a new migration fails until it is appended; appending keeps every other entry', () => {
      const added = '9999999999999-add-something.ts';
      writeFileSync(join(dir, added), 'export {};\n');
      expect(checksumProblems(dir)).toEqual([
        expect.stringContaining(
          `${added} is not in migrations/${CHECKSUMS_FILE}: run \`npm run migration:checksums\``,
        ),
      ]);
      const before = readChecksums(dir);
      expect(appendChecksums(dir)).toEqual([added]);
      const after = readChecksums(dir);
      expect(after).toMatchObject(before);
      expect(Object.keys(after)).toHaveLength(Object.keys(before).length + 1);
      expect(checksumProblems(dir)).toEqual([]);
    });

    it('a deleted migration fails', () => {
      unlinkSync(join(dir, first));
      expect(checksumProblems(dir)).toEqual([expect.stringContaining(`${first} is listed`)]);
    });
  });
});
