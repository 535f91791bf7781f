import { Candidate } from '../candidates/candidate.model';
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
  snapshot: CandidateSnapshot;
  added_by: string;
  added_at: Date;
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
    snapshot: r.snapshot,
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
export function snapshotOf(c: Candidate, asOf: string): CandidateSnapshot {
  return {
    asOf,
    policyVersion: c.policyVersion,
    score: c.score,
    readiness: c.readiness,
    eligibleFrom: c.eligibleFrom,
    scoreBreakdown: c.scoreBreakdown,
    reasons: c.reasons,
    blockers: c.blockers.map((b) => b.code),
  };
}
