import { RecordTrainingMutation, UpdateTrainingMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { LABELS } from '../../../src/i18n/labels';
import { fmt, label, useI18n } from '../i18n/i18n';
import { codeOptions, RecordForm, type FieldSpec } from './RecordForm';

const KINDS = Object.keys(LABELS['zh-CN'].trainingKind);
type Training = CadreRecordFieldsFragment['trainings'][number];

type Values = {
  title: string;
  provider: string;
  kind: string;
  startDate: string;
  endDate: string;
  classHours: string;
  completed: boolean;
};

const valuesOf = (t?: Training): Values => ({
  title: t?.title ?? '',
  provider: t?.provider ?? '',
  kind: t?.kind ?? 'PARTY_SCHOOL',
  startDate: t?.startDate ?? '',
  endDate: t?.endDate ?? '',
  classHours: t ? String(t.classHours) : '',
  completed: t?.completed ?? true,
});

/** Records a training on a cadre's record (a cadre may record its own), or corrects one (`training`). */
export function TrainingForm({
  cadreId,
  training,
  onSaved,
  onCancel,
}: {
  cadreId: string;
  training?: Training;
  onSaved(): void;
  onCancel?(): void;
}) {
  const { m } = useI18n();
  const send = useRequest();
  const fields: FieldSpec<Values>[] = [
    { name: 'title', label: m.training.fTitle },
    { name: 'provider', label: m.training.fProvider },
    {
      name: 'kind',
      label: m.training.fKind,
      kind: 'select',
      options: codeOptions(KINDS, (k) => label(m.labels.trainingKind, k)),
    },
    { name: 'startDate', label: m.training.fStart, kind: 'date' },
    { name: 'endDate', label: m.training.fEnd, kind: 'date' },
    {
      name: 'classHours',
      label: m.training.fHours,
      kind: 'number',
      attrs: { inputMode: 'decimal', min: '0.1', max: '5000', step: '0.1' },
    },
    { name: 'completed', label: m.training.fCompleted, kind: 'checkbox' },
  ];
  const validate = (v: Values) => {
    const e: Record<string, string> = {};
    if (!v.title.trim()) e.title = m.form.required;
    if (!v.startDate) e.startDate = m.form.required;
    if (!v.endDate) e.endDate = m.form.required;
    else if (v.startDate && v.endDate < v.startDate) e.endDate = m.form.dateOrder;
    const hours = Number(v.classHours);
    if (!v.classHours.trim()) e.classHours = m.form.required;
    else if (!Number.isFinite(hours) || hours <= 0) e.classHours = m.form.positive;
    else if (hours > 5000) e.classHours = fmt(m.form.max, { max: 5000 });
    return e;
  };
  const save = async (v: Values) => {
    const input = {
      title: v.title.trim(),
      provider: v.provider.trim() || null,
      kind: v.kind as Training['kind'],
      startDate: v.startDate,
      endDate: v.endDate,
      classHours: Number(v.classHours),
      completed: v.completed,
    };
    const title = training
      ? (await send(UpdateTrainingMutation, { input: { id: training.id, ...input } })).updateTraining.title
      : (await send(RecordTrainingMutation, { input: { cadreId, ...input } })).recordTraining.title;
    return fmt(training ? m.form.corrected : m.training.saved, { title });
  };
  return (
    <RecordForm
      idPrefix={training ? `training-${training.id}` : 'training'}
      title={training ? fmt(m.form.correctTitle, { title: training.title }) : m.training.formTitle}
      fields={fields}
      initial={valuesOf(training)}
      validate={validate}
      save={save}
      submitLabel={training ? m.form.saveCorrection : m.training.submit}
      resetOnSave={!training}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
