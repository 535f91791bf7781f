import { LABELS } from '../../../src/i18n/labels';
import { RecordAppraisalMutation, UpdateAppraisalMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { codeOptions, RecordForm, type FieldSpec } from './RecordForm';

const GRADES = Object.keys(LABELS['zh-CN'].grade);
type Appraisal = CadreRecordFieldsFragment['appraisals'][number];
type Values = { year: string; grade: string; note: string };

/** Records a cadre's appraisal for a year (one a year), or corrects one (`appraisal`). */
export function AppraisalForm({
  cadreId,
  appraisal,
  asOf,
  onSaved,
  onCancel,
}: {
  cadreId: string;
  appraisal?: Appraisal;
  asOf: string;
  onSaved(): void;
  onCancel?(): void;
}) {
  const { m } = useI18n();
  const send = useRequest();
  const lastYear = Number(asOf.slice(0, 4)) - 1;
  const fields: FieldSpec<Values>[] = [
    {
      name: 'year',
      label: m.appraisals.year,
      kind: 'number',
      attrs: { min: '1950', max: String(lastYear + 1), step: '1' },
    },
    {
      name: 'grade',
      label: m.appraisals.grade,
      kind: 'select',
      options: codeOptions(GRADES, (g) => label(m.labels.grade, g)),
    },
    { name: 'note', label: m.candidates.note, kind: 'textarea' },
  ];
  const validate = (v: Values) => {
    const e: Record<string, string> = {};
    const year = Number(v.year);
    if (!v.year.trim()) e.year = m.form.required;
    else if (!Number.isInteger(year) || year < 1950 || year > lastYear + 1) e.year = m.work.yearRange;
    return e;
  };
  const save = async (v: Values) => {
    const input = { year: Number(v.year), grade: v.grade as Appraisal['grade'], note: v.note.trim() || null };
    const saved = appraisal
      ? (await send(UpdateAppraisalMutation, { input: { id: appraisal.id, ...input } })).updateAppraisal
      : (await send(RecordAppraisalMutation, { input: { cadreId, ...input } })).recordAppraisal;
    return fmt(appraisal ? m.form.corrected : m.work.appraisalSaved, {
      title: fmt(m.work.appraisalName, { year: saved.year, grade: label(m.labels.grade, saved.grade) }),
    });
  };
  return (
    <RecordForm
      idPrefix={appraisal ? `appraisal-${appraisal.id}` : 'appraisal'}
      title={
        appraisal
          ? fmt(m.form.correctTitle, {
              title: fmt(m.work.appraisalName, {
                year: appraisal.year,
                grade: label(m.labels.grade, appraisal.grade),
              }),
            })
          : m.work.appraisalForm
      }
      fields={fields}
      initial={{
        year: appraisal ? String(appraisal.year) : String(lastYear),
        grade: appraisal?.grade ?? 'COMPETENT',
        note: appraisal?.note ?? '',
      }}
      validate={validate}
      save={save}
      submitLabel={appraisal ? m.form.saveCorrection : m.training.submit}
      resetOnSave={!appraisal}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
