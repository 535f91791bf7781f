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

  it('rejects only the rows holding NUL, unpaired surrogates or bytes that are not UTF-8, naming the field', async () => {
    const cadre = (id: string, over: Record<string, unknown> = {}) =>
      JSON.stringify({
        externalId: id,
        name: `Cadre ${id}`,
        gender: 'MALE',
        birthDate: '1980-01-01',
        workStartDate: '2002-07-01',
        educationLevel: 'BACHELOR',
        ...over,
      });
    const file = join(dir, 'hostile.ndjson');
    const [before, after] = cadre('U8-6', { name: '%%' }).split('%%');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(
          [
            cadre('U8-1'),
            cadre('U8-2', { name: 'a\u0000b' }),
            cadre('U8-3', { ethnicity: '\ud800' }),
            cadre('U8-4', { nativePlace: '\u202e\u0645\u0635\u0631 e\u0301' }),
            cadre('U8-5', { name: 'Y\u0001' }),
            before,
          ].join('\n'),
        ),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`${after}\n${cadre('U8-7', { 'x\u0000': 1 })}\n`),
      ]),
    );
    const csv = join(dir, 'hostile.csv');
    writeFileSync(
      csv,
      Buffer.concat([
        Buffer.from('externalId,name,gender,birthDate,workStartDate,educationLevel\n'),
        Buffer.from('U8-8,Good,MALE,1980-01-01,2002-07-01,BACHELOR\n'),
        Buffer.from('U8-9,Bad\u0000Nul,MALE,1980-01-01,2002-07-01,BACHELOR\n'),
        Buffer.concat([
          Buffer.from('U8-10,Bad'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from(',MALE,1980-01-01,2002-07-01,BACHELOR\n'),
        ]),
      ]),
    );
    const report = (path: string) =>
      readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as { line: number; key: string | null; errors: { field: string; code: string }[] },
        )
        .map((l) => [l.line, l.key, ...l.errors.map((e) => `${e.field}:${e.code}`)])
        .sort((a, b) => Number(a[0]) - Number(b[0]));
    const json = await run('CADRES', file);
    expect(json.counts).toEqual(counts({ received: 7, created: 3, rejected: 4 }));
    expect(report(json.reportFile)).toEqual([
      [2, 'U8-2', 'name:INVALID'],
      [3, 'U8-3', 'ethnicity:INVALID'],
      [6, null, 'name:INVALID'],
      [7, 'U8-7', 'x\\u0000:INVALID'],
    ]);
    const [rtl] = await t.ds.query(`SELECT native_place FROM cadre WHERE external_id = 'U8-4'`);
    expect(rtl.native_place).toBe('\u202e\u0645\u0635\u0631 e\u0301');
    const fromCsv = await run('CADRES', csv);
    expect(fromCsv.counts).toEqual(counts({ received: 3, created: 1, rejected: 2 }));
    expect(report(fromCsv.reportFile)).toEqual([
      [3, 'U8-9', 'name:INVALID'],
      [4, null, 'name:INVALID'],
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
