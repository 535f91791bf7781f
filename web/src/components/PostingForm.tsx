import { LABELS } from '../../../src/i18n/labels';
import { RecordPostingMutation, UpdatePostingMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { codeOptions, RecordForm, type FieldSpec } from './RecordForm';
import { UnitCascade } from './UnitCascade';

const LEVELS = Object.keys(LABELS['zh-CN'].level);
const KINDS = Object.keys(LABELS['zh-CN'].postingKind);
type Posting = CadreRecordFieldsFragment['postings'][number];

type Values = {
  unitId: string;
  title: string;
  level: string;
  kind: string;
  startDate: string;
  endDate: string;
};

const valuesOf = (p?: Posting): Values => ({
  unitId: p?.unit.id ?? '',
  title: p?.title ?? '',
  level: p?.level ?? 'TOWNSHIP_DEPUTY',
  kind: p?.kind ?? 'REGULAR',
  startDate: p?.startDate ?? '',
  endDate: p?.endDate ?? '',
});

/** Records a posting of a cadre, or corrects one (`posting`); an empty end date means it lasts. */
export function PostingForm({
  cadreId,
  posting,
  onSaved,
  onCancel,
}: {
  cadreId: string;
  posting?: Posting;
  onSaved(): void;
  onCancel?(): void;
}) {
  const { m } = useI18n();
  const send = useRequest();
  const fields: FieldSpec<Values>[] = [
    {
      name: 'unitId',
      label: m.timeline.unit,
      kind: 'custom',
      render: (id, set, aria) => (
        <UnitCascade id={id} onChange={set} current={posting?.unit.name} describedBy={aria} />
      ),
    },
    { name: 'title', label: m.timeline.post },
    {
      name: 'level',
      label: m.timeline.level,
      kind: 'select',
      options: codeOptions(LEVELS, (l) => label(m.labels.level, l)),
    },
    {
      name: 'kind',
      label: m.timeline.kind,
      kind: 'select',
      options: codeOptions(KINDS, (k) => label(m.labels.postingKind, k)),
    },
    { name: 'startDate', label: m.training.fStart, kind: 'date' },
    { name: 'endDate', label: m.work.endDateOptional, kind: 'date' },
  ];
  const validate = (v: Values) => {
    const e: Record<string, string> = {};
    if (!v.unitId) e.unitId = m.form.required;
    if (!v.title.trim()) e.title = m.form.required;
    if (!v.startDate) e.startDate = m.form.required;
    if (v.endDate && v.startDate && v.endDate < v.startDate) e.endDate = m.form.dateOrder;
    return e;
  };
  const save = async (v: Values) => {
    const input = {
      unitId: v.unitId,
      title: v.title.trim(),
      level: v.level,
      kind: v.kind as Posting['kind'],
      startDate: v.startDate,
      endDate: v.endDate || null,
    };
    const title = posting
      ? (await send(UpdatePostingMutation, { input: { id: posting.id, ...input } })).updatePosting.title
      : (await send(RecordPostingMutation, { input: { cadreId, ...input } })).recordPosting.title;
    return fmt(posting ? m.form.corrected : m.work.postingSaved, { title });
  };
  return (
    <RecordForm
      idPrefix={posting ? `posting-${posting.id}` : 'posting'}
      title={posting ? fmt(m.form.correctTitle, { title: posting.title }) : m.work.postingForm}
      fields={fields}
      initial={valuesOf(posting)}
      validate={validate}
      save={save}
      submitLabel={posting ? m.form.saveCorrection : m.training.submit}
      resetOnSave={!posting}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
