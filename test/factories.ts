import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Test data written straight to the database (the API under test is exercised separately). */
let seq = 0;
const next = (): number => ++seq;

export async function makeUnit(
  ds: DataSource,
  over: Partial<{ code: string; name: string; level: string; kind: string; parentId: string | null }> = {},
): Promise<{ id: string; code: string }> {
  const n = next();
  const row = {
    code: `U${n}-${randomUUID().slice(0, 8)}`,
    name: `Unit ${n}`,
    level: 'TOWNSHIP',
    kind: 'GOVERNMENT',
    parentId: null,
    ...over,
  };
  const [{ id }] = await ds.query(
    `INSERT INTO unit (code, name, level, kind, parent_id) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [row.code, row.name, row.level, row.kind, row.parentId],
  );
  return { id, code: row.code };
}

export async function makeCadre(
  ds: DataSource,
  over: Partial<{
    externalId: string;
    name: string;
    gender: string;
    birthDate: string;
    workStartDate: string;
    educationLevel: string;
    status: string;
  }> = {},
): Promise<{ id: string; externalId: string }> {
  const n = next();
  const row = {
    externalId: `P${n}-${randomUUID().slice(0, 8)}`,
    name: `Cadre ${n}`,
    gender: 'FEMALE',
    birthDate: '1985-05-05',
    workStartDate: '2008-07-01',
    educationLevel: 'BACHELOR',
    status: 'ACTIVE',
    ...over,
  };
  const [{ id }] = await ds.query(
    `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [row.externalId, row.name, row.gender, row.birthDate, row.workStartDate, row.educationLevel, row.status],
  );
  return { id, externalId: row.externalId };
}

export async function makePosting(
  ds: DataSource,
  cadreId: string,
  unitId: string,
  over: Partial<{
    title: string;
    level: string;
    kind: string;
    startDate: string;
    endDate: string | null;
  }> = {},
): Promise<{ id: string }> {
  const row = {
    title: 'Deputy head',
    level: 'TOWNSHIP_DEPUTY',
    kind: 'REGULAR',
    startDate: '2015-01-01',
    endDate: null,
    ...over,
  };
  const [{ id }] = await ds.query(
    `INSERT INTO posting (cadre_id, unit_id, title, level, kind, start_date, end_date)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [cadreId, unitId, row.title, row.level, row.kind, row.startDate, row.endDate],
  );
  return { id };
}

/** Row count and an order-independent checksum of a table, to prove a rejected request wrote nothing. */
export async function tableFingerprint(
  ds: DataSource,
  table: string,
): Promise<{ n: number; sum: string | null }> {
  const [row] = await ds.query(
    `SELECT count(*)::int AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS sum FROM ${table} t`,
  );
  return row;
}
