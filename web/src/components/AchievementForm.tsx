import { RecordAchievementMutation, UpdateAchievementMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import type { CadreRecordFieldsFragment, ReferenceFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { domainName } from './Achievements';
import { codeOptions, RecordForm, type FieldSpec } from './RecordForm';

const LEVELS = ['UNIT', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'];
type Achievement = CadreRecordFieldsFragment['achievements'][number];

type Values = {
  title: string;
  description: string;
  domain: string;
  achievedOn: string;
  recognitionLevel: string;
  indicator: string;
  baseline: string;
  result: string;
  unit: string;
};

const valuesOf = (a?: Achievement): Values => {
  const i = a?.impacts[0];
  return {
    title: a?.title ?? '',
    description: a?.description ?? '',
    domain: a?.domain ?? '',
    achievedOn: a?.achievedOn ?? '',
    recognitionLevel: a?.recognitionLevel ?? 'UNIT',
    indicator: i?.indicator ?? '',
    baseline: i ? String(i.baseline) : '',
    result: i ? String(i.result) : '',
    unit: i?.unit ?? '',
  };
};

const hasImpact = (v: Values) => !!(v.indicator.trim() || v.baseline || v.result || v.unit.trim());

/**
 * Claims an achievement (it starts CLAIMED) with one optional measured impact, or corrects one (`achievement`:
 * its first impact is the one shown; the others are kept).
 */
export function AchievementForm({
  cadreId,
  domains,
  asOf,
  achievement,
  onSaved,
  onCancel,
}: {
  cadreId: string;
  domains: ReferenceFieldsFragment['specialtyDomains'];
  asOf: string;
  achievement?: Achievement;
  onSaved(): void;
  onCancel?(): void;
}) {
  const { m, locale } = useI18n();
  const send = useRequest();
  const impact = m.achievements.impact;
  const fields: FieldSpec<Values>[] = [
    { name: 'title', label: m.achievements.fTitle },
    {
      name: 'domain',
      label: m.achievements.fDomain,
      kind: 'select',
      options: [
        { value: '', label: '—' },
        ...codeOptions(
          domains.map((d) => d.code),
          (c) => domainName(domains, c, locale),
        ),
      ],
    },
    { name: 'achievedOn', label: m.achievements.fDate, kind: 'date' },
    {
      name: 'recognitionLevel',
      label: m.achievements.fRecognition,
      kind: 'select',
      options: codeOptions(LEVELS, (l) => label(m.labels.recognition, l)),
    },
    { name: 'description', label: m.achievements.fDescription, kind: 'textarea' },
    { name: 'indicator', label: m.achievements.fIndicator, group: impact },
    {
      name: 'baseline',
      label: m.achievements.fBaseline,
      group: impact,
      kind: 'number',
      attrs: { inputMode: 'decimal', step: 'any' },
    },
    {
      name: 'result',
      label: m.achievements.fResult,
      group: impact,
      kind: 'number',
      attrs: { inputMode: 'decimal', step: 'any' },
    },
    { name: 'unit', label: m.achievements.fUnit, group: impact },
  ];
  const validate = (v: Values) => {
    const e: Record<string, string> = {};
    if (!v.title.trim()) e.title = m.form.required;
    if (!v.domain) e.domain = m.form.required;
    if (!v.achievedOn) e.achievedOn = m.form.required;
    else if (v.achievedOn > asOf && v.achievedOn > new Date().toISOString().slice(0, 10))
      e.achievedOn = m.form.future;
    if (hasImpact(v)) {
      if (!v.indicator.trim()) e.indicator = m.form.impactIncomplete;
      if (!v.baseline.trim() || !Number.isFinite(Number(v.baseline))) e.baseline = m.form.impactIncomplete;
      else if (Number(v.baseline) === 0) e.baseline = m.form.baselineZero;
      if (!v.result.trim() || !Number.isFinite(Number(v.result))) e.result = m.form.impactIncomplete;
      if (!v.unit.trim()) e.unit = m.form.impactIncomplete;
    }
    return e;
  };
  const save = async (v: Values) => {
    const first = hasImpact(v)
      ? [
          {
            indicator: v.indicator.trim(),
            baseline: Number(v.baseline),
            result: Number(v.result),
            unit: v.unit.trim(),
          },
        ]
      : [];
    const kept = (achievement?.impacts.slice(1) ?? []).map((i) => ({
      indicator: i.indicator,
      baseline: i.baseline,
      result: i.result,
      unit: i.unit,
      betterWhen: i.betterWhen,
    }));
    const input = {
      title: v.title.trim(),
      description: v.description.trim() || null,
      domain: v.domain,
      achievedOn: v.achievedOn,
      recognitionLevel: v.recognitionLevel as Achievement['recognitionLevel'],
      impacts: [...first, ...kept],
    };
    const title = achievement
      ? (await send(UpdateAchievementMutation, { input: { id: achievement.id, ...input } })).updateAchievement
          .title
      : (await send(RecordAchievementMutation, { input: { cadreId, ...input } })).recordAchievement.title;
    return fmt(achievement ? m.form.corrected : m.achievements.saved, { title });
  };
  return (
    <RecordForm
      idPrefix={achievement ? `achievement-${achievement.id}` : 'achievement'}
      title={achievement ? fmt(m.form.correctTitle, { title: achievement.title }) : m.achievements.formTitle}
      note={achievement ? undefined : m.achievements.claimedNote}
      fields={fields}
      initial={valuesOf(achievement)}
      validate={validate}
      save={save}
      submitLabel={achievement ? m.form.saveCorrection : m.achievements.submit}
      resetOnSave={!achievement}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
