import type { ReactNode } from 'react';
import type { CadreRecordFieldsFragment, ReferenceFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';

type Achievement = CadreRecordFieldsFragment['achievements'][number];
type Domain = ReferenceFieldsFragment['specialtyDomains'][number];

export function domainName(domains: Domain[], code: string, locale: string): string {
  const d = domains.find((x) => x.code === code);
  return d ? (locale === 'en' ? d.nameEn : d.nameZh) : code;
}

/** Domain code → name in the reader's language. */
export function domainNames(domains: Domain[], locale: string): Record<string, string> {
  return Object.fromEntries(domains.map((d) => [d.code, locale === 'en' ? d.nameEn : d.nameZh]));
}

/** One achievement: title, status, domain, recognition, its measured impact as baseline → result; `children` below. */
export function AchievementItem({
  a,
  domains,
  children,
}: {
  a: Omit<Achievement, 'verificationNote'> & { verificationNote?: string | null };
  domains: Domain[];
  children?: ReactNode;
}) {
  const { m, date, number, locale } = useI18n();
  return (
    <li className="item" data-achievement={a.id}>
      <div className="item-head">
        <strong>{a.title}</strong>
        <span className={`badge badge-${a.verificationStatus.toLowerCase()}`}>
          {label(m.labels.verification, a.verificationStatus)}
        </span>
      </div>
      <p className="muted small">
        {date(a.achievedOn)} · {m.achievements.domain}: {domainName(domains, a.domain, locale)} ·{' '}
        {m.achievements.recognition}: {label(m.labels.recognition, a.recognitionLevel)}
      </p>
      {a.description && <p>{a.description}</p>}
      {a.impacts.map((i, n) => {
        const max = Math.max(Math.abs(i.baseline), Math.abs(i.result)) || 1;
        return (
          <div key={n} className="impact" aria-label={m.achievements.impact}>
            <p>
              {i.indicator}: {number(i.baseline)} → <strong>{number(i.result)}</strong> {i.unit}
              {i.improvementPercent != null && (
                <span className={`badge ${i.improvementPercent >= 0 ? 'badge-verified' : 'badge-rejected'}`}>
                  {fmt(m.achievements.improvement, { pct: number(i.improvementPercent) })}
                </span>
              )}
            </p>
            <div className="impact-bars" aria-hidden="true">
              <div
                className="impact-bar before"
                style={{ width: `${(Math.abs(i.baseline) / max) * 100}%` }}
              />
              <div className="impact-bar after" style={{ width: `${(Math.abs(i.result) / max) * 100}%` }} />
            </div>
          </div>
        );
      })}
      {a.verificationNote && <p className="muted small">{a.verificationNote}</p>}
      {children}
    </li>
  );
}

/** Achievements newest first. */
export function Achievements({ achievements, domains }: { achievements: Achievement[]; domains: Domain[] }) {
  const { m } = useI18n();
  if (achievements.length === 0) return <p className="muted">{m.achievements.empty}</p>;
  return (
    <ul className="cards">
      {[...achievements].reverse().map((a) => (
        <AchievementItem key={a.id} a={a} domains={domains} />
      ))}
    </ul>
  );
}
