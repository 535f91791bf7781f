import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { RecordTrainingMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import { fmt, label, useI18n } from '../i18n/i18n';
import { describedBy, ErrorBox, Field } from './common';

const KINDS = [
  'PARTY_SCHOOL',
  'ADMINISTRATION_INSTITUTE',
  'UNIVERSITY',
  'ONLINE',
  'ON_THE_JOB',
  'OTHER',
] as const;
type Kind = (typeof KINDS)[number];

interface Values {
  title: string;
  provider: string;
  kind: Kind;
  startDate: string;
  endDate: string;
  classHours: string;
  completed: boolean;
}

const EMPTY: Values = {
  title: '',
  provider: '',
  kind: 'PARTY_SCHOOL',
  startDate: '',
  endDate: '',
  classHours: '',
  completed: true,
};

/** Records a training on a cadre's record; a cadre may record its own. */
export function TrainingForm({ cadreId, onSaved }: { cadreId: string; onSaved(): void }) {
  const { m } = useI18n();
  const send = useRequest();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  function validate(): Record<string, string> {
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
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setStatus('');
    setProblem(null);
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) {
      setStatus(m.form.fixErrors);
      return;
    }
    setBusy(true);
    try {
      const r = await send(RecordTrainingMutation, {
        input: {
          cadreId,
          title: v.title.trim(),
          provider: v.provider.trim() || null,
          kind: v.kind,
          startDate: v.startDate,
          endDate: v.endDate,
          classHours: Number(v.classHours),
          completed: v.completed,
        },
      });
      setV(EMPTY);
      setStatus(fmt(m.training.saved, { title: r.recordTraining.title }));
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        if (Object.keys(fields).some((f) => f in EMPTY)) setErrors(fields);
        else setProblem(err);
      } else throw err;
    } finally {
      setBusy(false);
    }
  }

  const id = (f: string) => `training-${f}`;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="training-form-h">
      <h3 id="training-form-h">{m.training.formTitle}</h3>
      <div className="form-grid">
        <Field id={id('title')} label={m.training.fTitle} error={errors.title}>
          <input
            id={id('title')}
            value={v.title}
            onChange={(e) => set('title', e.target.value)}
            required
            {...describedBy(id('title'), errors.title)}
          />
        </Field>
        <Field id={id('provider')} label={m.training.fProvider} error={errors.provider}>
          <input
            id={id('provider')}
            value={v.provider}
            onChange={(e) => set('provider', e.target.value)}
            {...describedBy(id('provider'), errors.provider)}
          />
        </Field>
        <Field id={id('kind')} label={m.training.fKind} error={errors.kind}>
          <select id={id('kind')} value={v.kind} onChange={(e) => set('kind', e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {label(m.labels.trainingKind, k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('startDate')} label={m.training.fStart} error={errors.startDate}>
          <input
            id={id('startDate')}
            type="date"
            value={v.startDate}
            onChange={(e) => set('startDate', e.target.value)}
            required
            {...describedBy(id('startDate'), errors.startDate)}
          />
        </Field>
        <Field id={id('endDate')} label={m.training.fEnd} error={errors.endDate}>
          <input
            id={id('endDate')}
            type="date"
            value={v.endDate}
            onChange={(e) => set('endDate', e.target.value)}
            required
            {...describedBy(id('endDate'), errors.endDate)}
          />
        </Field>
        <Field id={id('classHours')} label={m.training.fHours} error={errors.classHours}>
          <input
            id={id('classHours')}
            type="number"
            inputMode="decimal"
            min="0.1"
            max="5000"
            step="0.1"
            value={v.classHours}
            onChange={(e) => set('classHours', e.target.value)}
            required
            {...describedBy(id('classHours'), errors.classHours)}
          />
        </Field>
        <div className="field field-check">
          <input
            id={id('completed')}
            type="checkbox"
            checked={v.completed}
            onChange={(e) => set('completed', e.target.checked)}
          />
          <label htmlFor={id('completed')}>{m.training.fCompleted}</label>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? m.form.saving : m.training.submit}
        </button>
        <span role="status" className="form-status">
          {status}
        </span>
      </div>
      {problem && <ErrorBox error={problem} />}
    </form>
  );
}
