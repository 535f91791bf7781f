import { useState, type ReactNode } from 'react';
import { CadreRecordQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { AchievementForm } from '../components/AchievementForm';
import { domainName } from '../components/Achievements';
import { AppraisalForm } from '../components/AppraisalForm';
import { ErrorBox, Loading, Section } from '../components/common';
import { PostingForm } from '../components/PostingForm';
import { TrainingForm } from '../components/TrainingForm';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** One kind of record: a row per entry with a Correct button that opens the form in place, then the form for a new one. */
function Editable<T extends { id: string }>({
  id,
  title,
  items,
  line,
  edit,
  create,
}: {
  id: string;
  title: string;
  items: T[];
  line(item: T): ReactNode;
  edit(item: T, close: () => void): ReactNode;
  create: ReactNode;
}) {
  const { m } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section id={id} title={title}>
      {items.length === 0 ? (
        <p className="muted">{m.work.none}</p>
      ) : (
        <ul className="work-list">
          {items.map((item) => (
            <li key={item.id} data-record={item.id}>
              <div className="work-line">
                <span>{line(item)}</span>
                {open !== item.id && (
                  <button type="button" className="link" onClick={() => setOpen(item.id)}>
                    {m.work.correct}
                  </button>
                )}
              </div>
              {open === item.id && edit(item, () => setOpen(null))}
            </li>
          ))}
        </ul>
      )}
      {create}
    </Section>
  );
}

/** The department's screen to record and correct a cadre's postings, training, appraisals and achievements. */
export function WorkRecords({ id }: { id: string }) {
  const { m, date, number, locale } = useI18n();
  const { asOf } = useAsOf();
  const q = useApi(CadreRecordQuery, { id, asOf });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading />;
  const c = q.data.cadre;
  const domains = q.data.specialtyDomains;
  const saved = q.reload;
  const period = (from: string, to?: string | null) =>
    `${date(from)} — ${to ? date(to) : m.timeline.ongoing}`;
  return (
    <div className="record">
      <p className="record-actions">
        <Link to={`/cadres/${id}`}>{m.work.back}</Link>
      </p>
      <h1>{fmt(m.work.title, { name: c.name })}</h1>
      <p className="muted">{m.work.intro}</p>
      <Editable
        id="work-postings"
        title={m.timeline.title}
        items={[...c.postings].reverse()}
        line={(p) => (
          <>
            <strong>
              {p.unit.name} · {p.title}
            </strong>{' '}
            {label(m.labels.level, p.level)} · {label(m.labels.postingKind, p.kind)} ·{' '}
            {period(p.startDate, p.endDate)}
          </>
        )}
        edit={(p, close) => (
          <PostingForm
            cadreId={id}
            posting={p}
            onSaved={() => {
              close();
              saved();
            }}
            onCancel={close}
          />
        )}
        create={<PostingForm cadreId={id} onSaved={saved} />}
      />
      <Editable
        id="work-training"
        title={m.training.title}
        items={[...c.trainings].reverse()}
        line={(t) => (
          <>
            <strong>{t.title}</strong> {label(m.labels.trainingKind, t.kind)} ·{' '}
            {period(t.startDate, t.endDate)} · {fmt(m.training.hours, { hours: number(t.classHours) })}
          </>
        )}
        edit={(t, close) => (
          <TrainingForm
            cadreId={id}
            training={t}
            onSaved={() => {
              close();
              saved();
            }}
            onCancel={close}
          />
        )}
        create={<TrainingForm cadreId={id} onSaved={saved} />}
      />
      <Editable
        id="work-appraisals"
        title={m.appraisals.title}
        items={[...c.appraisals].reverse()}
        line={(a) => (
          <>
            <strong>
              {fmt(m.work.appraisalName, { year: a.year, grade: label(m.labels.grade, a.grade) })}
            </strong>
            {a.note && <span className="muted"> · {a.note}</span>}
          </>
        )}
        edit={(a, close) => (
          <AppraisalForm
            cadreId={id}
            appraisal={a}
            asOf={asOf}
            onSaved={() => {
              close();
              saved();
            }}
            onCancel={close}
          />
        )}
        create={<AppraisalForm cadreId={id} asOf={asOf} onSaved={saved} />}
      />
      <Editable
        id="work-achievements"
        title={m.achievements.title}
        items={[...c.achievements].reverse()}
        line={(a) => (
          <>
            <strong>{a.title}</strong> {date(a.achievedOn)} ·{' '}
            {label(m.labels.verification, a.verificationStatus)} · {domainName(domains, a.domain, locale)}
          </>
        )}
        edit={(a, close) => (
          <AchievementForm
            cadreId={id}
            domains={domains}
            asOf={asOf}
            achievement={a}
            onSaved={() => {
              close();
              saved();
            }}
            onCancel={close}
          />
        )}
        create={<AchievementForm cadreId={id} domains={domains} asOf={asOf} onSaved={saved} />}
      />
    </div>
  );
}
