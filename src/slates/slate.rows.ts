import { SavedSlate, SlateCandidate, SlateDecision, SlateDecisionKind, SlateMember } from './slate.model';

/** The slate tables as the SQL reads them, and their models. */
export interface SlateRow {
  id: string;
  post_id: string;
  name: string;
  as_of: string;
  policy_version: number;
  note: string | null;
  created_by: string;
  created_at: Date;
}

export interface SlateMemberRow {
  slate_id: string;
  cadre_id: string;
  position: number;
  snapshot: Record<string, unknown>;
}

export interface SlateDecisionRow {
  id: string;
  slate_id: string;
  cadre_id: string;
  decision: SlateDecisionKind;
  note: string | null;
  effective_date: string;
  posting_id: string | null;
  ended_posting_id: string | null;
  decided_by: string;
  decided_at: Date;
}

export const SLATE_COLUMNS = `id, post_id, name, as_of::text, policy_version, note, created_by, created_at`;
export const DECISION_COLUMNS = `id, slate_id, cadre_id, decision, note, effective_date::text, posting_id,
  ended_posting_id, decided_by, decided_at`;

export const toDecision = (r: SlateDecisionRow): SlateDecision =>
  Object.assign(new SlateDecision(), {
    id: r.id,
    slateId: r.slate_id,
    cadreId: r.cadre_id,
    decision: r.decision,
    note: r.note,
    effectiveDate: r.effective_date,
    postingId: r.posting_id,
    endedPostingId: r.ended_posting_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  });

/** A slate with its members; those not in `readable` are hidden (ids and position only, no decisions). */
export function toSavedSlate(
  r: SlateRow,
  members: SlateMemberRow[],
  decisions: SlateDecisionRow[],
  readable: Set<string>,
): SavedSlate {
  return Object.assign(new SavedSlate(), {
    id: r.id,
    postId: r.post_id,
    name: r.name,
    asOf: r.as_of,
    policyVersion: r.policy_version,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    members: members
      .filter((m) => m.slate_id === r.id)
      .map((m) => {
        const hidden = !readable.has(m.cadre_id);
        return Object.assign(new SlateMember(), {
          slateId: m.slate_id,
          cadreId: m.cadre_id,
          position: m.position,
          hidden,
          snapshot: hidden ? null : m.snapshot,
          decisions: hidden
            ? []
            : decisions.filter((d) => d.slate_id === r.id && d.cadre_id === m.cadre_id).map(toDecision),
        });
      }),
  });
}

/** What a saved slate keeps of a candidate. */
export function snapshotOf(c: SlateCandidate, asOf: string, policyVersion: number): Record<string, unknown> {
  return {
    asOf,
    policyVersion,
    score: c.candidate.score,
    readiness: c.candidate.readiness,
    eligibleFrom: c.candidate.eligibleFrom,
    currentLevel: c.candidate.currentLevel,
    stuck: c.stuck,
    exceptional: c.exceptional,
    requiredDomainsMatched: c.requiredDomainsMatched,
    preferredDomainsMatched: c.preferredDomainsMatched,
    reasons: c.reasons,
    blockers: c.blockers,
    avoidance: c.avoidance,
  };
}
