import { Candidate } from '../candidates/candidate.model';
import { reasonOf } from '../i18n/reason.model';
import { ReasonData } from '../i18n/reasons';
import {
  CandidateSnapshot,
  PoolDecision,
  TalentPool,
  TalentPoolDecision,
  TalentPoolMember,
} from './talent-pool.model';

/** The talent pool tables as the SQL reads them, and their models. */
export interface PoolRow {
  id: string;
  name: string;
  target_level: string;
  unit_id: string;
  domain: string | null;
  note: string | null;
  created_by: string;
  created_at: Date;
  member_count: number;
}

export interface MemberRow {
  pool_id: string;
  cadre_id: string;
  note: string | null;
  snapshot: StoredSnapshot;
  added_by: string;
  added_at: Date;
}

/**
 * A snapshot as talent_pool_member.snapshot keeps it: reasons as code + params, so they re-render in each reader's
 * locale; snapshots stored before reasons were data hold English sentences, shown as they were (code TEXT).
 */
export interface StoredSnapshot extends Omit<CandidateSnapshot, 'reasonData'> {
  reasons: (ReasonData | string)[];
}

/** The stored snapshot as the API gives it. */
export function snapshotFromStored(s: StoredSnapshot): CandidateSnapshot {
  const { reasons, ...rest } = s;
  return Object.assign(new CandidateSnapshot(), {
    ...rest,
    reasonData: (reasons ?? []).map((r) =>
      typeof r === 'string' ? reasonOf('TEXT', { text: r }) : reasonOf(r.code, r.params ?? {}),
    ),
  });
}

export interface DecisionRow {
  id: string;
  pool_id: string;
  cadre_id: string;
  decision: PoolDecision;
  note: string | null;
  effective_date: string;
  posting_id: string | null;
  decided_by: string;
  decided_at: Date;
}

export const POOL_COLUMNS = `tp.id, tp.name, tp.target_level, tp.unit_id, tp.domain, tp.note, tp.created_by, tp.created_at,
  (SELECT count(*)::int FROM talent_pool_member m WHERE m.pool_id = tp.id) AS member_count`;

export const toPool = (r: PoolRow): TalentPool =>
  Object.assign(new TalentPool(), {
    id: r.id,
    name: r.name,
    targetLevel: r.target_level,
    unitId: r.unit_id,
    domain: r.domain,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    memberCount: r.member_count,
  });

export const toDecision = (r: DecisionRow): TalentPoolDecision =>
  Object.assign(new TalentPoolDecision(), {
    id: r.id,
    poolId: r.pool_id,
    cadreId: r.cadre_id,
    decision: r.decision,
    note: r.note,
    effectiveDate: r.effective_date,
    postingId: r.posting_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  });

export const toMember = (
  r: MemberRow,
  live: Candidate | null,
  decisions: TalentPoolDecision[],
): TalentPoolMember =>
  Object.assign(new TalentPoolMember(), {
    poolId: r.pool_id,
    cadreId: r.cadre_id,
    hidden: false,
    note: r.note,
    addedBy: r.added_by,
    addedAt: r.added_at,
    snapshot: snapshotFromStored(r.snapshot),
    live,
    decisions,
  });

/** A member the reader may not read: the ids and nothing of the cadre (see TalentPoolMember). */
export const toHiddenMember = (r: MemberRow): TalentPoolMember =>
  Object.assign(new TalentPoolMember(), {
    poolId: r.pool_id,
    cadreId: r.cadre_id,
    hidden: true,
    note: null,
    addedBy: null,
    addedAt: null,
    snapshot: null,
    live: null,
    decisions: [],
  });

/** What a pool keeps of a candidate when the member is added. */
export function snapshotOf(c: Candidate, asOf: string): StoredSnapshot {
  return {
    asOf,
    policyVersion: c.policyVersion,
    score: c.score,
    readiness: c.readiness,
    eligibleFrom: c.eligibleFrom,
    scoreBreakdown: c.scoreBreakdown,
    reasons: c.reasonData.map(({ code, params }) => ({ code, params })),
    blockers: c.blockers.map((b) => b.code),
  };
}
