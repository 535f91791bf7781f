import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';

type Sanction = CadreRecordFieldsFragment['sanctions'][number];

/** Where a record stands on asOf: lifted (revoked or 容错) from its date, within its period, or over. */
function state(s: Sanction, asOf: string): 'revoked' | 'tolerated' | 'inEffect' | 'ended' {
  const lifts = [
    ['revoked', s.revokedOn],
    ['tolerated', s.tolerance?.decidedOn],
  ] as const;
  for (const [name, on] of lifts) if (on && on <= asOf) return name;
  return s.influenceEndsOn && s.effectiveDate <= asOf && asOf <= s.influenceEndsOn ? 'inEffect' : 'ended';
}

/**
 * Sanctions and accountability records with their influence period, revocation and 容错 decision. The service
 * returns them only to those who may read them (ADMIN, the organisation department, the cadre).
 */
export function Sanctions({ sanctions, asOf }: { sanctions: Sanction[]; asOf: string }) {
  const { m, date } = useI18n();
  if (sanctions.length === 0) return <p className="muted">{m.sanctions.empty}</p>;
  return (
    <ul className="cards">
      {sanctions.map((s) => {
        const st = state(s, asOf);
        return (
          <li key={s.id} className={`item sanction sanction-${st}`} data-sanction={s.kind}>
            <div className="item-head">
              <strong>{label(m.labels.sanctionKind, s.kind)}</strong>
              <span className={`badge ${st === 'inEffect' ? 'sev-warning' : 'sev-info'}`}>
                {m.sanctions[st]}
              </span>
            </div>
            <p className="small">
              {s.issuingBody}
              {s.documentNumber && <> · {s.documentNumber}</>} ·{' '}
              {fmt(m.sanctions.effective, {
                decided: date(s.decisionDate),
                effective: date(s.effectiveDate),
              })}
              {s.influenceEndsOn && s.influenceMonths !== null && s.influenceMonths !== undefined && (
                <> · {fmt(m.sanctions.until, { months: s.influenceMonths, date: date(s.influenceEndsOn) })}</>
              )}
            </p>
            {s.revokedOn && (
              <p className="small">
                {fmt(m.sanctions.revokedOn, { date: date(s.revokedOn), reason: s.revocationReason ?? '' })}
              </p>
            )}
            {s.tolerance && (
              <p className="small">
                {fmt(m.sanctions.tolerance, { date: date(s.tolerance.decidedOn), basis: s.tolerance.basis })}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
