import type { CadreRecordFieldsFragment, ReferenceFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';

type Pathway = CadreRecordFieldsFragment['pathways'][number];
type Requirement = Pathway['requirements'][number];
/** The policy's rules, for each requirement's citation in the reader's locale. */
type Rules = ReferenceFieldsFragment['policy']['rules'];

/**
 * Both ladders a cadre stands on (职务与职级并行): the leadership post first, then the rank, each with its next
 * step. The first keeps the test id `pathway-date`; the others are named by their ladder.
 */
export function Pathways({ pathways, rules = [] }: { pathways: Pathway[]; rules?: Rules }) {
  const { m } = useI18n();
  if (pathways.length === 0) return <p className="muted">{m.pathway.none}</p>;
  return (
    <>
      {pathways.map((p, i) => (
        <section
          key={p.ladder ?? i}
          className="pathway-ladder"
          aria-label={label(m.pathway.ladder, p.ladder)}
        >
          <h3 className="pathway-ladder-title">{label(m.pathway.ladder, p.ladder)}</h3>
          <PathwayChecklist
            pathway={p}
            testId={i === 0 ? 'pathway-date' : `pathway-date-${(p.ladder ?? '').toLowerCase()}`}
            rules={rules}
          />
        </section>
      ))}
    </>
  );
}

/** The pathway to the next level: a progress bar, the estimated date, and each requirement as a checklist item. */
export function PathwayChecklist({
  pathway,
  testId,
  rules = [],
}: {
  pathway: Pathway;
  testId: string;
  rules?: Rules;
}) {
  const { m, date, number } = useI18n();
  if (!pathway.nextLevel) return <p className="muted">{m.pathway.top}</p>;

  const value = (v: Requirement['current'], r: Requirement): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') {
      if (r.unit.startsWith('years')) return fmt(m.labels.years, { n: number(v) });
      if (r.unit.startsWith('posts')) return fmt(m.labels.posts, { n: number(v, 0) });
      if (r.unit.startsWith('days')) return fmt(m.pathway.days, { n: number(v, 0) });
      if (r.unit === 'sanctions in effect') return fmt(m.labels.sanctionsInEffect, { n: number(v, 0) });
      return number(v);
    }
    // PROMO_APPRAISAL, nothing blocking: "no INCOMPETENT without 1 later counted year(s)".
    const noGrade = /^no (.+) without (\d+) later counted year\(s\)$/.exec(v);
    if (noGrade) {
      const grade = noGrade[1]
        .split(' or ')
        .map((g) => label(m.labels.grade, g))
        .join('、');
      return fmt(m.pathway.noGradeWithout, { grade, n: noGrade[2] });
    }
    return label({ ...m.labels.education, ...m.labels.grade }, v);
  };
  const total = pathway.requirements.length;
  const met = pathway.requirements.filter((r) => r.met).length;
  const percent = total ? Math.round((met / total) * 100) : 100;

  return (
    <div className="pathway">
      <p className="pathway-step">
        {fmt(m.pathway.next, {
          from: label(m.labels.level, pathway.currentLevel),
          to: label(m.labels.level, pathway.nextLevel),
        })}
      </p>
      <div className="pathway-date" data-testid={testId}>
        {pathway.eligible ? (
          <strong className="ok">{m.pathway.eligible}</strong>
        ) : pathway.estimatedEligibleDate ? (
          <>
            <span>{m.pathway.estimated}</span>{' '}
            <strong>
              <time dateTime={pathway.estimatedEligibleDate}>{date(pathway.estimatedEligibleDate)}</time>
            </strong>
          </>
        ) : (
          <strong className="warn">{m.pathway.blocked}</strong>
        )}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={met}
        aria-valuetext={fmt(m.pathway.progress, { met, total })}
        aria-label={m.pathway.title}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">{fmt(m.pathway.progress, { met, total })}</p>
      <ul className="checklist">
        {pathway.requirements.map((r) => (
          <li key={r.code} className={r.met ? 'met' : r.soft ? 'soft' : 'unmet'}>
            <span className="check" aria-hidden="true">
              {r.met ? '✓' : r.soft ? '!' : '✗'}
            </span>
            <div>
              <strong>{label(m.labels.requirement, r.code)}</strong>
              <span className="visually-hidden">: {r.met ? m.pathway.met : m.pathway.unmet}</span>
              {!r.met && r.soft && <p className="small warn">{m.pathway.soft}</p>}
              <p className="small">
                {fmt(m.pathway.current, { value: value(r.current, r) })} ·{' '}
                {fmt(m.pathway.required, { value: value(r.required, r) })}
                {!r.met && r.remaining !== null && r.remaining !== 0 && r.unit !== 'sanctions in effect' && (
                  <>
                    {' '}
                    · <strong>{fmt(m.pathway.remaining, { value: value(r.remaining, r) })}</strong>
                  </>
                )}
                {!r.met && r.dateMet && <> · {fmt(m.pathway.dateMet, { date: date(r.dateMet) })}</>}
              </p>
              <SanctionLines facts={r.facts} />
              <AppraisalBlockLine facts={r.facts} required={r.required} />
              <RuleLine id={r.code} rules={rules} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** PROMO_APPRAISAL while a blocking grade blocks: the year, the grade and the counted years it waits for. */
function AppraisalBlockLine({ facts, required }: { facts: unknown; required: Requirement['required'] }) {
  const { m } = useI18n();
  const f = facts as { blockingYear?: number; grade?: string } | null;
  if (!f?.blockingYear || !f.grade) return null;
  return (
    <p className="small">
      {fmt(m.pathway.appraisalBlock, {
        year: String(f.blockingYear),
        grade: label(m.labels.grade, f.grade),
        n: String(required),
      })}
    </p>
  );
}

interface SanctionFact {
  kind: string;
  effectiveDate: string;
  effectEndsOn: string | null;
  inEffect: boolean;
  liftedBy: 'REVOKED' | 'TOLERANCE' | null;
  revokedOn: string | null;
  tolerance: { decidedOn: string; basis: string } | null;
}

/** PROMO_NO_SANCTION_IN_EFFECT: each record in effect with its end, and each lifted one with the decision. */
function SanctionLines({ facts }: { facts: unknown }) {
  const { m, date } = useI18n();
  const list = (facts as { sanctions?: SanctionFact[] } | null)?.sanctions ?? [];
  const lines = list.flatMap((s) => {
    const kind = label(m.labels.sanctionKind, s.kind);
    if (s.inEffect && s.effectEndsOn)
      return [
        fmt(m.sanctions.inEffectUntil, {
          kind,
          effective: date(s.effectiveDate),
          date: date(s.effectEndsOn),
        }),
      ];
    if (s.liftedBy === 'TOLERANCE' && s.tolerance)
      return [
        fmt(m.sanctions.liftedTolerance, {
          kind,
          date: date(s.tolerance.decidedOn),
          basis: s.tolerance.basis,
        }),
      ];
    if (s.liftedBy === 'REVOKED' && s.revokedOn)
      return [fmt(m.sanctions.liftedRevoked, { kind, date: date(s.revokedOn) })];
    return [];
  });
  if (!lines.length) return null;
  return (
    <ul className="small sanction-lines">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** The rule a requirement comes from: its name and its citation, in the reader's locale. */
function RuleLine({ id, rules }: { id: string; rules: Rules }) {
  const { m } = useI18n();
  const citation = rules.find((r) => r.id === id)?.citation;
  return (
    <p className="muted small">
      {label(m.labels.rule, id)}
      {citation && <> · {citation.text}</>}
    </p>
  );
}
