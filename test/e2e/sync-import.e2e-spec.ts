import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../src/seed/demo';
import { importFile } from '../../src/sync/import/import-file';
import { ImportFileError } from '../../src/sync/import/record-reader';
import { SyncKind } from '../../src/sync/sync.types';
import { createTestApp, TestApp } from '../app-factory';
import { tableFingerprint } from '../factories';
import { counts } from './sync-fixtures';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

describe('the import command', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    dir = mkdtempSync(join(tmpdir(), 'cp-import-'));
  });
  afterAll(() => t.close());

  const run = (kind: SyncKind, file: string, batchSize?: number) =>
    importFile(t.ds, { source: 'hr-a', kind, file, reportFile: join(dir, 'report.ndjson'), batchSize });

  it('imports the example files after the seed, and again as all UNCHANGED', async () => {
    expect((await run('UNITS', join(EXAMPLES, 'units.csv'))).counts).toEqual(
      counts({ received: 3, created: 3 }),
    );
    expect((await run('CADRES', join(EXAMPLES, 'cadres.csv'))).counts).toEqual(
      counts({ received: 4, created: 4 }),
    );
    const csv = await run('POSTINGS', join(EXAMPLES, 'postings.csv'), 2);
    expect(csv.counts).toEqual(counts({ received: 5, created: 5 }));
    expect(csv.runs).toHaveLength(3);
    const ndjson = await run('POSTINGS', join(EXAMPLES, 'postings.ndjson'));
    expect(ndjson.counts).toEqual(counts({ received: 4, created: 4 }));
    const before = await tableFingerprint(t.ds, 'posting');
    expect((await run('POSTINGS', join(EXAMPLES, 'postings.csv'))).counts).toEqual(
      counts({ received: 5, unchanged: 5 }),
    );
    expect(await tableFingerprint(t.ds, 'posting')).toEqual(before);
    const [inService] = await t.ds.query(
      `SELECT education_in_service FROM cadre WHERE external_id = 'HR-A-0004'`,
    );
    expect(inService.education_in_service).toBe(true);
  });

  it('reports every rejected row with its line and reason', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'externalId,cadreExternalId,unitCode,title,level,startDate,endDate',
        'B-1,HR-A-0001,YL-XS-T01,科员,CLERK_1,2030-01-01,',
        'B-2,NOBODY,YL-XS-T01,科员,CLERK_1,2030-01-01,',
        'B-3,HR-A-0002,YL-XS-T01,科员,CLERK_1,2031-02-30,',
      ].join('\n'),
    );
    const summary = await run('POSTINGS', file);
    expect(summary.counts).toEqual(counts({ received: 3, rejected: 3 }));
    const lines = readFileSync(summary.reportFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; key: string; errors: { code: string }[] });
    expect(lines.map((l) => [l.line, l.key, l.errors[0].code])).toEqual([
      [2, 'B-1', 'OVERLAP'],
      [3, 'B-2', 'UNKNOWN_CADRE'],
      [4, 'B-3', 'INVALID'],
    ]);
  });

  it('refuses a header with an unknown column before anything is written', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(file, 'code,name,level,kind,colour\nZ-1,Z,TOWNSHIP,GOVERNMENT,red\n');
    const before = [await tableFingerprint(t.ds, 'unit'), await tableFingerprint(t.ds, 'sync_run')];
    await expect(run('UNITS', file)).rejects.toThrow(ImportFileError);
    await expect(run('UNITS', file)).rejects.toThrow('Unknown column(s) colour');
    expect([await tableFingerprint(t.ds, 'unit'), await tableFingerprint(t.ds, 'sync_run')]).toEqual(before);
  });
});
