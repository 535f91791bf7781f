import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { RecordAchievementMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import type { ReferenceFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { domainName } from './Achievements';
import { describedBy, ErrorBox, Field } from './common';

const LEVELS = ['UNIT', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'] as const;
type Level = (typeof LEVELS)[number];

interface Values {
  title: string;
  description: string;
  domain: string;
  achievedOn: string;
  recognitionLevel: Level;
  indicator: string;
  baseline: string;
  result: string;
  unit: string;
}

const EMPTY: Values = {
  title: '',
  description: '',
  domain: '',
  achievedOn: '',
  recognitionLevel: 'UNIT',
  indicator: '',
  baseline: '',
  result: '',
  unit: '',
};

/** Claims an achievement (it starts CLAIMED), with one optional measured impact. */
export function AchievementForm({
  cadreId,
  domains,
  asOf,
  onSaved,
}: {
  cadreId: string;
  domains: ReferenceFieldsFragment['specialtyDomains'];
  asOf: string;
  onSaved(): void;
}) {
  const { m, locale } = useI18n();
  const send = useRequest();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const hasImpact = !!(v.indicator.trim() || v.baseline || v.result || v.unit.trim());

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (!v.title.trim()) e.title = m.form.required;
    if (!v.domain) e.domain = m.form.required;
    if (!v.achievedOn) e.achievedOn = m.form.required;
    else if (v.achievedOn > asOf && v.achievedOn > new Date().toISOString().slice(0, 10))
      e.achievedOn = m.form.future;
    if (hasImpact) {
      if (!v.indicator.trim()) e.indicator = m.form.impactIncomplete;
      if (!v.baseline.trim() || !Number.isFinite(Number(v.baseline))) e.baseline = m.form.impactIncomplete;
      else if (Number(v.baseline) === 0) e.baseline = m.form.baselineZero;
      if (!v.result.trim() || !Number.isFinite(Number(v.result))) e.result = m.form.impactIncomplete;
      if (!v.unit.trim()) e.unit = m.form.impactIncomplete;
    }
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
      const r = await send(RecordAchievementMutation, {
        input: {
          cadreId,
          title: v.title.trim(),
          description: v.description.trim() || null,
          domain: v.domain,
          achievedOn: v.achievedOn,
          recognitionLevel: v.recognitionLevel,
          impacts: hasImpact
            ? [
                {
                  indicator: v.indicator.trim(),
                  baseline: Number(v.baseline),
                  result: Number(v.result),
                  unit: v.unit.trim(),
                },
              ]
            : [],
        },
      });
      setV(EMPTY);
      setStatus(fmt(m.achievements.saved, { title: r.recordAchievement.title }));
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

  const id = (f: string) => `achievement-${f}`;
  const input = (f: keyof Values, type = 'text', extra: Record<string, string> = {}) => (
    <input
      id={id(f)}
      type={type}
      value={v[f]}
      onChange={(e) => set(f, e.target.value as never)}
      {...extra}
      {...describedBy(id(f), errors[f])}
    />
  );
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="achievement-form-h">
      <h3 id="achievement-form-h">{m.achievements.formTitle}</h3>
      <p className="muted small">{m.achievements.claimedNote}</p>
      <div className="form-grid">
        <Field id={id('title')} label={m.achievements.fTitle} error={errors.title}>
          {input('title')}
        </Field>
        <Field id={id('domain')} label={m.achievements.fDomain} error={errors.domain}>
          <select
            id={id('domain')}
            value={v.domain}
            onChange={(e) => set('domain', e.target.value)}
            {...describedBy(id('domain'), errors.domain)}
          >
            <option value="">—</option>
            {domains.map((d) => (
              <option key={d.code} value={d.code}>
                {domainName(domains, d.code, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('achievedOn')} label={m.achievements.fDate} error={errors.achievedOn}>
          {input('achievedOn', 'date')}
        </Field>
        <Field
          id={id('recognitionLevel')}
          label={m.achievements.fRecognition}
          error={errors.recognitionLevel}
        >
          <select
            id={id('recognitionLevel')}
            value={v.recognitionLevel}
            onChange={(e) => set('recognitionLevel', e.target.value as Level)}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {label(m.labels.recognition, l)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('description')} label={m.achievements.fDescription} error={errors.description}>
          <textarea
            id={id('description')}
            rows={2}
            value={v.description}
            onChange={(e) => set('description', e.target.value)}
            {...describedBy(id('description'), errors.description)}
          />
        </Field>
      </div>
      <fieldset className="form-grid impact-fields">
        <legend>{m.achievements.impact}</legend>
        <Field id={id('indicator')} label={m.achievements.fIndicator} error={errors.indicator}>
          {input('indicator')}
        </Field>
        <Field id={id('baseline')} label={m.achievements.fBaseline} error={errors.baseline}>
          {input('baseline', 'number', { inputMode: 'decimal', step: 'any' })}
        </Field>
        <Field id={id('result')} label={m.achievements.fResult} error={errors.result}>
          {input('result', 'number', { inputMode: 'decimal', step: 'any' })}
        </Field>
        <Field id={id('unit')} label={m.achievements.fUnit} error={errors.unit}>
          {input('unit')}
        </Field>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? m.form.saving : m.achievements.submit}
        </button>
        <span role="status" className="form-status">
          {status}
        </span>
      </div>
      {problem && <ErrorBox error={problem} />}
    </form>
  );
}
