import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A landed migration is never edited: a database that already ran it would never see the edit. The SHA-256 of
 * every landed migration is committed in migrations/checksums.json; test/e2e/migration-checksums.e2e-spec.ts
 * fails when a listed file changes, disappears, or a migration file is not listed yet.
 *
 * `npm run migration:checksums` appends the files that are not listed and never rewrites a listed entry.
 */

export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');
export const CHECKSUMS_FILE = 'checksums.json';

export type Checksums = Record<string, string>;

/** Line endings normalised, so that a checkout with CRLF (git autocrlf) hashes the same. */
export function checksumOf(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

export function migrationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{13}-[a-z0-9-]+\.ts$/.test(f))
    .sort();
}

export function readChecksums(dir: string): Checksums {
  const file = join(dir, CHECKSUMS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Checksums) : {};
}

/** What is wrong with the migrations in `dir` against their committed checksums, one sentence each. */
export function checksumProblems(dir: string, listed: Checksums = readChecksums(dir)): string[] {
  const problems: string[] = [];
  const files = migrationFiles(dir);
  for (const f of files) {
    const sum = checksumOf(readFileSync(join(dir, f), 'utf8'));
    if (!(f in listed)) {
      problems.push(
        `${f} is not in migrations/${CHECKSUMS_FILE}: run \`npm run migration:checksums\` and commit it`,
      );
    } else if (listed[f] !== sum) {
      problems.push(
        `${f} changed after it landed: restore it (git checkout main -- migrations/${f}) and put the change in a new migration`,
      );
    }
  }
  for (const f of Object.keys(listed)) {
    if (!files.includes(f))
      problems.push(`${f} is listed in migrations/${CHECKSUMS_FILE} but was deleted: restore it`);
  }
  return problems;
}

/** Adds the unlisted migrations; listed entries stay as they are (a changed file is the test's to report). */
export function appendChecksums(dir: string): string[] {
  const listed = readChecksums(dir);
  const added = migrationFiles(dir).filter((f) => !(f in listed));
  const next: Checksums = { ...listed };
  for (const f of added) next[f] = checksumOf(readFileSync(join(dir, f), 'utf8'));
  if (added.length) writeFileSync(join(dir, CHECKSUMS_FILE), `${JSON.stringify(next, null, 2)}\n`);
  return added;
}

if (require.main === module) {
  const added = appendChecksums(MIGRATIONS_DIR);
  console.log(added.length ? `Added: ${added.join(', ')}` : 'Every migration is listed.');
  const problems = checksumProblems(MIGRATIONS_DIR);
  for (const p of problems) console.error(p);
  process.exit(problems.length ? 1 : 0);
}
