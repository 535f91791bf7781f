import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { CreateTalentPoolMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import { useSession } from '../auth/session';
import { fmt, label, useI18n } from '../i18n/i18n';
import { describedBy, ErrorBox, Field } from './common';
import { UnitSelect } from './UnitSelect';

const LEVELS = [
  'TOWNSHIP_CHIEF',
  'COUNTY_DEPUTY',
  'COUNTY_CHIEF',
  'BUREAU_DEPUTY',
  'BUREAU_CHIEF',
  'PRINCIPAL_STAFF_4',
  'PRINCIPAL_STAFF_3',
  'PRINCIPAL_STAFF_2',
  'PRINCIPAL_STAFF_1',
  'RESEARCHER_4',
];

/** A new reserve list for a target level in a unit of the jurisdiction (the department's own by default). */
export function CreatePoolForm({
  idPrefix,
  defaultLevel = 'COUNTY_DEPUTY',
  defaultUnitId = '',
  onCreated,
}: {
  idPrefix: string;
  defaultLevel?: string;
  defaultUnitId?: string;
  onCreated(pool: { id: string; name: string }): void;
}) {
  const { m } = useI18n();
  const { session } = useSession();
  const send = useRequest();
  const [name, setName] = useState('');
  const [level, setLevel] = useState(defaultLevel);
  const [unitId, setUnitId] = useState(defaultUnitId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    setProblem(null);
    const unit = unitId || session?.claims.unitId || '';
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = m.form.required;
    if (!unit) found.unitId = m.form.required;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const r = await send(CreateTalentPoolMutation, {
        input: { name: name.trim(), targetLevel: level, unitId: unit },
      });
      setName('');
      setStatus(fmt(m.pools.created, { name: r.createTalentPool.name }));
      onCreated(r.createTalentPool);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fields = err.fieldErrors();
      if (fields.name || fields.unitId || fields.targetLevel) setErrors(fields);
      else setProblem(err);
    }
  };
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <form className="toolbar" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={id('h')}>
      <h3 id={id('h')} className="visually-hidden">
        {m.pools.create}
      </h3>
      <Field id={id('name')} label={m.pools.name} error={errors.name}>
        <input
          id={id('name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...describedBy(id('name'), errors.name)}
        />
      </Field>
      <Field id={id('level')} label={m.pools.targetLevel} error={errors.targetLevel}>
        <select id={id('level')} value={level} onChange={(e) => setLevel(e.target.value)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {label(m.labels.level, l)}
            </option>
          ))}
        </select>
      </Field>
      <UnitSelect id={id('unit')} label={m.pools.unit} value={unitId} onChange={setUnitId} />
      {errors.unitId && (
        <p className="field-error" role="alert">
          {errors.unitId}
        </p>
      )}
      <button type="submit">{m.pools.create}</button>
      <span role="status" className="form-status">
        {status}
      </span>
      {problem && <ErrorBox error={problem} />}
    </form>
  );
}
