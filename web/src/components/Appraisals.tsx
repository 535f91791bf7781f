import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { label, useI18n } from '../i18n/i18n';

type Appraisal = CadreRecordFieldsFragment['appraisals'][number];

/** Annual appraisals by year, newest first, each grade in its own colour and words. */
export function Appraisals({ appraisals }: { appraisals: Appraisal[] }) {
  const { m } = useI18n();
  if (appraisals.length === 0) return <p className="muted">{m.appraisals.empty}</p>;
  return (
    <ol className="chips" aria-label={m.appraisals.title}>
      {[...appraisals].reverse().map((a) => (
        <li key={a.id} className={`chip grade-${a.grade.toLowerCase()}`} title={a.note ?? undefined}>
          <span className="chip-year">{a.year}</span> {label(m.labels.grade, a.grade)}
        </li>
      ))}
    </ol>
  );
}
