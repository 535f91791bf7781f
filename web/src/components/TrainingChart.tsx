import type { CadreRecordFieldsFragment, ReferenceFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';

type Training = CadreRecordFieldsFragment['trainings'][number];
type Rule = ReferenceFieldsFragment['policy']['rules'][number];

interface Requirement {
  perYear: number;
  text: string;
}

function params(rule: Rule | undefined): Record<string, unknown> {
  return rule && typeof rule.params === 'object' && rule.params !== null
    ? (rule.params as Record<string, unknown>)
    : {};
}

function applies(rule: Rule | undefined, level: string | null): boolean {
  const levels = params(rule).appliesToLevels;
  return !!level && Array.isArray(levels) && levels.includes(level);
}

/**
 * Completed centralised class hours per calendar year (by end date and of the rule's countingKinds, as the
 * TRAINING_* rules count them) against the
 * yearly requirement of the cadre's current level: TRAINING_ANNUAL, or TRAINING_5Y as a yearly average.
 */
export function TrainingChart({
  trainings,
  rules,
  level,
  asOf,
  workStartDate,
}: {
  trainings: Training[];
  rules: Rule[];
  level: string | null;
  asOf: string;
  workStartDate: string;
}) {
  const { m, number, date } = useI18n();
  const lastYear = Number(asOf.slice(0, 4));
  const firstData = Math.min(lastYear, ...trainings.map((t) => Number(t.endDate.slice(0, 4))));
  const firstYear = Math.max(firstData, Number(workStartDate.slice(0, 4)), lastYear - 9);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const annual = rules.find((r) => r.id === 'TRAINING_ANNUAL');
  const fiveYear = rules.find((r) => r.id === 'TRAINING_5Y');
  // Only the kinds the cadre's rule counts (centralised training); a policy without the list counts every kind.
  const rule = applies(annual, level) ? annual : applies(fiveYear, level) ? fiveYear : undefined;
  const kinds = params(rule).countingKinds;
  const counts = (kind: string) => !Array.isArray(kinds) || kinds.includes(kind);
  const hours = new Map<number, number>(years.map((y) => [y, 0]));
  for (const t of trainings) {
    const y = Number(t.endDate.slice(0, 4));
    if (t.completed && counts(t.kind) && t.endDate <= asOf && hours.has(y)) {
      hours.set(y, (hours.get(y) ?? 0) + t.classHours);
    }
  }

  let requirement: Requirement | null = null;
  if (applies(annual, level)) {
    const h = Number(params(annual).hours);
    requirement = {
      perYear: h,
      text: fmt(m.training.requirementLine, {
        hours: number(h),
        rule: label(m.labels.rule, 'TRAINING_ANNUAL'),
      }),
    };
  } else if (applies(fiveYear, level)) {
    const h = Number(params(fiveYear).hours);
    const window = Number(params(fiveYear).windowYears ?? 5) || 5;
    requirement = {
      perYear: h / window,
      text: fmt(m.training.fiveYearLine, {
        hours: number(h),
        perYear: number(h / window),
        rule: label(m.labels.rule, 'TRAINING_5Y'),
      }),
    };
  }

  const max = Math.max(10, requirement?.perYear ?? 0, ...hours.values()) * 1.15;
  const pct = (v: number) => `${(v / max) * 100}%`;

  return (
    <div>
      <figure className="bar-chart" aria-labelledby="training-chart-cap">
        <figcaption id="training-chart-cap">
          {m.training.chartCaption}
          <span className="muted small"> · {requirement ? requirement.text : m.training.noRequirement}</span>
        </figcaption>
        <div className="columns" role="list">
          {requirement && (
            <div className="req-line" style={{ bottom: pct(requirement.perYear) }} aria-hidden="true">
              <span>{number(requirement.perYear)}</span>
            </div>
          )}
          {years.map((y) => {
            const h = hours.get(y) ?? 0;
            const short = requirement && h < requirement.perYear;
            return (
              <div
                className="column"
                key={y}
                role="listitem"
                aria-label={`${y}: ${fmt(m.training.hours, { hours: number(h) })}`}
              >
                <span className="column-value">{number(h)}</span>
                <div className={`column-bar${short ? ' short' : ''}`} style={{ height: pct(h) }} />
                <span className="column-label">{y}</span>
              </div>
            );
          })}
        </div>
      </figure>
      {trainings.length === 0 ? (
        <p className="muted">{m.training.empty}</p>
      ) : (
        <details className="list-details">
          <summary>
            {m.training.list} ({trainings.length})
          </summary>
          <ul className="plain-list">
            {[...trainings].reverse().map((t) => (
              <li key={t.id}>
                <strong>{t.title}</strong> · {label(m.labels.trainingKind, t.kind)}
                {t.provider ? ` · ${t.provider}` : ''} · {date(t.startDate)} – {date(t.endDate)} ·{' '}
                {fmt(m.training.hours, { hours: number(t.classHours) })}
                {!t.completed && <span className="badge badge-warn"> {m.training.inProgress}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
