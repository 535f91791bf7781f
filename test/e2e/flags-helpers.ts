import { DataSource } from 'typeorm';
import { ok, TestApp } from '../app-factory';

export interface FlagOut {
  code: string;
  severity: string;
  message: string;
  ruleId: string;
  source: string;
  facts: Record<string, unknown>;
  overBy: number;
  policyVersion: number;
}

const FLAG_FIELDS = 'code severity message ruleId source facts overBy policyVersion';

/** Cadre.flags over GraphQL. */
export async function flagsOf(t: TestApp, cadreId: string, asOf: string): Promise<FlagOut[]> {
  const q = `query($id: ID!, $asOf: Date) { cadre(id: $id) { flags(asOf: $asOf) { ${FLAG_FIELDS} } } }`;
  return ok(await t.gql(q, { id: cadreId, asOf })).cadre.flags as FlagOut[];
}

export const FLAGGED = `query($filter: FlaggedCadresFilter, $first: Int, $after: String) {
  flaggedCadres(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { cadre { id name } flags { ${FLAG_FIELDS} } } } } }`;

export async function makeTraining(
  ds: DataSource,
  cadreId: string,
  over: Partial<{ kind: string; startDate: string; endDate: string; classHours: number; completed: boolean }>,
): Promise<{ id: string }> {
  const r = {
    kind: 'PARTY_SCHOOL',
    startDate: '2026-03-01',
    endDate: '2026-03-01',
    classHours: 8,
    completed: true,
    ...over,
  };
  const [{ id }] = await ds.query(
    `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours, completed)
     VALUES ($1, 'Course', $2, $3, $4, $5, $6) RETURNING id`,
    [cadreId, r.kind, r.startDate, r.endDate, r.classHours, r.completed],
  );
  return { id };
}

export async function makeAchievement(
  ds: DataSource,
  cadreId: string,
  over: Partial<{
    domain: string;
    achievedOn: string;
    recognitionLevel: string;
    status: string;
    /** When the decision was recorded; default noon (Beijing time) on the day achieved. */
    verifiedAt: string;
    impact: { baseline: number; result: number; betterWhen: string };
  }>,
): Promise<{ id: string }> {
  const r = {
    domain: 'TRANSPORT',
    achievedOn: '2025-06-01',
    recognitionLevel: 'UNIT',
    status: 'VERIFIED',
    verifiedAt: undefined as string | undefined,
    ...over,
  };
  const verified = r.status !== 'CLAIMED';
  const [{ id }] = await ds.query(
    `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level, verification_status,
                              verified_by, verified_at)
     VALUES ($1, 'Achievement', $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      cadreId,
      r.achievedOn,
      r.domain,
      r.recognitionLevel,
      r.status,
      verified ? 'org-dept' : null,
      verified ? (r.verifiedAt ?? `${r.achievedOn}T12:00:00+08:00`) : null,
    ],
  );
  if (r.impact) {
    await ds.query(
      `INSERT INTO achievement_impact (achievement_id, position, indicator, baseline, result, unit, better_when)
       VALUES ($1, 1, 'Indicator', $2, $3, '%', $4)`,
      [id, r.impact.baseline, r.impact.result, r.impact.betterWhen],
    );
  }
  return { id };
}
