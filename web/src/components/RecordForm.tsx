import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { describedBy, ErrorBox, Field } from './common';

/** A form's values: text inputs hold strings (numbers too, until sent), check boxes booleans. */
export type FormValues = Record<string, string | boolean>;

export interface FieldSpec<V extends FormValues> {
  name: keyof V & string;
  label: string;
  kind?: 'text' | 'date' | 'number' | 'select' | 'textarea' | 'checkbox' | 'custom';
  /** For a custom field: the control, given its id, the setter and the aria attributes tying it to its error. */
  render?(id: string, set: (value: string) => void, aria: Record<string, unknown>): ReactNode;
  /** For a select: value and words; an empty value is the "not chosen" option. */
  options?: { value: string; label: string }[];
  /** Fields with the same group are drawn inside one fieldset with this legend. */
  group?: string;
  /** Extra input attributes (min, max, step, inputMode …). */
  attrs?: Record<string, string>;
}

export interface RecordFormProps<V extends FormValues> {
  /** Prefix of every element id; also names the heading. */
  idPrefix: string;
  title: string;
  note?: ReactNode;
  fields: FieldSpec<V>[];
  initial: V;
  /** Errors by field name, in the reader's words; none means the values may be sent. */
  validate(values: V): Record<string, string>;
  /** Sends the values; resolves to what the status line then says. */
  save(values: V): Promise<string>;
  submitLabel: string;
  /** After a save: a new-record form empties itself, a correction closes. */
  onSaved(): void;
  onCancel?(): void;
  resetOnSave?: boolean;
}

/**
 * The one form of the page: a training, an achievement, a posting or an appraisal, new or corrected, is a list of
 * fields, a check and a save. Errors sit next to their field (the page's own check first, then the service's
 * extensions.field); other errors below the form.
 */
export function RecordForm<V extends FormValues>(p: RecordFormProps<V>) {
  const { m } = useI18n();
  const [v, setV] = useState<V>(p.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof V, value: string | boolean) => setV((old) => ({ ...old, [k]: value }));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setStatus('');
    setProblem(null);
    const e = p.validate(v);
    setErrors(e);
    if (Object.keys(e).length) {
      setStatus(m.form.fixErrors);
      return;
    }
    setBusy(true);
    try {
      const saved = await p.save(v);
      if (p.resetOnSave) setV(p.initial);
      setStatus(saved);
      p.onSaved();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fields = err.fieldErrors();
      if (Object.keys(fields).some((f) => f in p.initial)) setErrors(fields);
      else setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  const id = (f: string) => `${p.idPrefix}-${f}`;
  const control = (f: FieldSpec<V>) => {
    const value = v[f.name];
    if (f.kind === 'checkbox') {
      return (
        <div className="field field-check" key={f.name}>
          <input
            id={id(f.name)}
            type="checkbox"
            checked={value === true}
            onChange={(e) => set(f.name, e.target.checked)}
          />
          <label htmlFor={id(f.name)}>{f.label}</label>
        </div>
      );
    }
    const common = {
      id: id(f.name),
      value: String(value),
      ...describedBy(id(f.name), errors[f.name]),
    };
    const input =
      f.kind === 'custom' && f.render ? (
        f.render(id(f.name), (value) => set(f.name, value), describedBy(id(f.name), errors[f.name]))
      ) : f.kind === 'select' ? (
        <select {...common} onChange={(e) => set(f.name, e.target.value)}>
          {f.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : f.kind === 'textarea' ? (
        <textarea {...common} rows={2} onChange={(e) => set(f.name, e.target.value)} />
      ) : (
        <input
          {...common}
          type={f.kind ?? 'text'}
          {...f.attrs}
          onChange={(e) => set(f.name, e.target.value)}
        />
      );
    return (
      <Field key={f.name} id={id(f.name)} label={f.label} error={errors[f.name]}>
        {input}
      </Field>
    );
  };
  const groups = [...new Set(p.fields.map((f) => f.group ?? ''))];
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={id('h')}>
      <h3 id={id('h')}>{p.title}</h3>
      {p.note && <p className="muted small">{p.note}</p>}
      {groups.map((g) => {
        const inner = p.fields.filter((f) => (f.group ?? '') === g).map(control);
        return g ? (
          <fieldset key={g} className="form-grid impact-fields">
            <legend>{g}</legend>
            {inner}
          </fieldset>
        ) : (
          <div key="main" className="form-grid">
            {inner}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? m.form.saving : p.submitLabel}
        </button>
        {p.onCancel && (
          <button type="button" onClick={p.onCancel}>
            {m.form.cancel}
          </button>
        )}
        <span role="status" className="form-status">
          {status}
        </span>
      </div>
      {problem && <ErrorBox error={problem} />}
    </form>
  );
}

/** Options of a select from codes, named through one of the label dictionaries. */
export function codeOptions(codes: readonly string[], name: (code: string) => string) {
  return codes.map((c) => ({ value: c, label: name(c) }));
}
