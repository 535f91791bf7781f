import type { CadreRecordFieldsFragment, ReferenceFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { AchievementForm } from './AchievementForm';
import { Achievements } from './Achievements';
import { Appraisals } from './Appraisals';
import { Section } from './common';
import { Flags } from './Flags';
import { Pathways } from './Pathway';
import { PostingsTimeline } from './PostingsTimeline';
import { Sanctions } from './Sanctions';
import { TrainingChart } from './TrainingChart';
import { TrainingForm } from './TrainingForm';

/** A cadre's whole record, the same for the cadre (My record) and for an organisation department. */
export function CadreRecord({
  cadre,
  reference,
  asOf,
  title,
  onChanged,
}: {
  cadre: CadreRecordFieldsFragment;
  reference: ReferenceFieldsFragment;
  asOf: string;
  title: string;
  onChanged(): void;
}) {
  const { m, date, number } = useI18n();
  const current = cadre.currentPostings.find((p) => p.kind === 'REGULAR') ?? cadre.currentPostings[0];
  const level = cadre.pathways[0]?.currentLevel ?? current?.level ?? null;
  return (
    <div className="record">
      <header className="record-head">
        <h1>{title}</h1>
        <p className="lead">
          {current ? (
            <>
              {current.unit.name} · {current.title} · {label(m.labels.level, current.level)}
            </>
          ) : (
            m.record.noCurrentPost
          )}
        </p>
        <ul className="facts">
          <li>
            {m.record.externalId} {cadre.externalId}
          </li>
          {cadre.yearsInCurrentPost != null && (
            <li>{fmt(m.record.yearsInPost, { years: number(cadre.yearsInCurrentPost) })}</li>
          )}
          <li>{fmt(m.record.grassroots, { years: number(cadre.grassrootsYears) })}</li>
          <li>{fmt(m.record.workStart, { date: date(cadre.workStartDate) })}</li>
          <li>
            {m.record.education} {label(m.labels.education, cadre.educationLevel)}
          </li>
        </ul>
      </header>
      <div className="record-grid">
        <Section id="pathway" title={m.pathway.title}>
          <Pathways pathways={cadre.pathways} rules={reference.policy.rules} />
        </Section>
        <Section id="flags" title={m.flags.title}>
          <Flags flags={cadre.flags} />
        </Section>
      </div>
      <Section id="postings" title={m.timeline.title}>
        <PostingsTimeline postings={cadre.postings} asOf={asOf} />
      </Section>
      <div className="record-grid">
        <Section id="training" title={m.training.title}>
          <TrainingChart
            trainings={cadre.trainings}
            rules={reference.policy.rules}
            level={level}
            asOf={asOf}
            workStartDate={cadre.workStartDate}
          />
          <TrainingForm cadreId={cadre.id} onSaved={onChanged} />
        </Section>
        <Section id="appraisals" title={m.appraisals.title}>
          <Appraisals appraisals={cadre.appraisals} />
        </Section>
      </div>
      <Section id="sanctions" title={m.sanctions.title}>
        <Sanctions sanctions={cadre.sanctions} asOf={asOf} />
      </Section>
      <Section id="achievements" title={m.achievements.title}>
        <Achievements achievements={cadre.achievements} domains={reference.specialtyDomains} />
        <AchievementForm
          cadreId={cadre.id}
          domains={reference.specialtyDomains}
          asOf={asOf}
          onSaved={onChanged}
        />
      </Section>
    </div>
  );
}
