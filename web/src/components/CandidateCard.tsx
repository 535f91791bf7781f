import type { ReactNode } from 'react';
import type { CandidateFieldsFragment } from '../gql/graphql';
import { renderReason } from '../../../src/i18n/reasons';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** One ranked candidate: who, how ready, the score with a bar per factor, the reasons and what is missing. */
export function CandidateCard({
  rank,
  candidate: c,
  children,
}: {
  rank: number;
  candidate: CandidateFieldsFragment;
  children?: ReactNode;
}) {
  const { m, number, date, locale } = useI18n();
  const maxContribution = Math.max(0.0001, ...c.scoreBreakdown.map((f) => f.weight));
  return (
    <li className="item candidate" data-cadre={c.cadre.externalId}>
      <div className="rank" aria-label={m.candidates.rank}>
        {rank}
      </div>
      <div>
        <div className="item-head">
          <span>
            <Link to={`/cadres/${c.cadre.id}`}>
              <strong>{c.cadre.name}</strong>
            </Link>{' '}
            <span className="muted small">
              {c.cadre.externalId} · {c.unit.name} · {label(m.labels.level, c.currentLevel)}
              {c.nextLevel && ` → ${label(m.labels.level, c.nextLevel)}`}
            </span>
          </span>
          {c.readiness && (
            <span className={`badge readiness-${c.readiness.toLowerCase()}`}>
              {label(m.labels.readiness, c.readiness)}
              {c.readiness !== 'READY_NOW' && c.eligibleFrom
                ? ` · ${fmt(m.candidates.eligibleFrom, { date: date(c.eligibleFrom) })}`
                : ''}
            </span>
          )}
        </div>
        {c.needs.length > 0 && (
          <p className="small">
            {c.needs.map((n) => (
              <span key={n} className="badge badge-warn">
                {label(m.labels.need, n)}
              </span>
            ))}
          </p>
        )}
        {c.reasonData.length > 0 && (
          <ul className="reasons small" aria-label={m.candidates.reasons}>
            {c.reasonData.map((r, i) => (
              <li key={i} data-reason={r.code}>
                {renderReason(r, locale, { date })}
              </li>
            ))}
          </ul>
        )}
        <p className="small">
          <strong>{m.candidates.blockers}:</strong>{' '}
          {c.blockers.length === 0
            ? m.candidates.noBlockers
            : c.blockers
                .map(
                  (b) =>
                    (b.dateMet
                      ? fmt(m.candidates.blockerUntil, {
                          name: label(m.labels.requirement, b.code),
                          date: date(b.dateMet),
                        })
                      : label(m.labels.requirement, b.code)) + (b.soft ? m.candidates.softBlocker : ''),
                )
                .join('、')}
        </p>
        {c.rankPlaces && (
          <p className="small" data-testid="rank-places">
            {fmt(m.candidates.rankPlaces, {
              free: number(c.rankPlaces.free, 0),
              quota: number(c.rankPlaces.quota, 0),
            })}
          </p>
        )}
        {children}
      </div>
      <div>
        <p className="score">
          <strong>{fmt(m.candidates.score, { score: number(c.score * 100, 1) })}</strong>
        </p>
        <ul className="score-bars" aria-label={m.candidates.breakdown}>
          {c.scoreBreakdown.map((f) => (
            <li
              key={f.factor}
              title={`${label(m.labels.factor, f.factor)}: ${number(f.weight * 100, 1)} × ${number(f.value, 2)} = ${number(f.contribution * 100, 1)}`}
            >
              <span>{label(m.labels.factor, f.factor)}</span>
              <span
                className="score-track"
                role="img"
                aria-label={`${label(m.labels.factor, f.factor)} ${number(f.contribution * 100, 1)} / ${number(f.weight * 100, 1)}`}
              >
                <span
                  className="score-fill"
                  style={{ width: `${(f.contribution / maxContribution) * 100}%` }}
                />
                <span className="score-max" style={{ width: `${(f.weight / maxContribution) * 100}%` }} />
              </span>
              <span className="num">{number(f.contribution * 100, 1)}</span>
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
