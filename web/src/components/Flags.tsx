import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n, type I18n } from '../i18n/i18n';

type Flag = Pick<
  CadreRecordFieldsFragment['flags'][number],
  'code' | 'severity' | 'message' | 'ruleId' | 'source' | 'facts' | 'policyVersion'
>;

/** The flag in the reader's language: a sentence built from its facts, else the service's own message. */
export function flagSentence(i18n: I18n, flag: Flag, domains: Record<string, string> = {}): string {
  const template = i18n.m.flagText[`${flag.ruleId}.${flag.code}`];
  const facts = (flag.facts && typeof flag.facts === 'object' ? flag.facts : {}) as Record<string, unknown>;
  if (!template) return flag.message;
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
  if (names.some((n) => facts[n] === undefined || facts[n] === null)) return flag.message;
  const values: Record<string, string> = {};
  const { labels } = i18n.m;
  for (const n of names) {
    const v = facts[n];
    values[n] = Array.isArray(v)
      ? v.map((x) => label(labels.criteria, String(x))).join('、')
      : n === 'level' || n === 'currentLevel' || n === 'nextLevel'
        ? label(labels.level, String(v))
        : n === 'kind'
          ? label(labels.sanctionKind, String(v))
          : n === 'domain'
            ? (domains[String(v)] ?? String(v))
            : typeof v === 'number'
              ? n === 'year'
                ? String(v)
                : i18n.number(v)
              : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)
                ? i18n.date(v)
                : String(v);
  }
  return fmt(template, values);
}

/** Each flag with its reason in plain words, the rule that raised it and that rule's public source. */
export function Flags({ flags, domains }: { flags: Flag[]; domains?: Record<string, string> }) {
  const i18n = useI18n();
  const { m } = i18n;
  if (flags.length === 0) return <p className="muted">{m.flags.empty}</p>;
  return (
    <ul className="cards">
      {flags.map((f, n) => (
        <li key={n} className={`item flag flag-${f.severity.toLowerCase()}`} data-flag={f.code}>
          <div className="item-head">
            <strong>{label(m.labels.flag, f.code)}</strong>
            <span className={`badge sev-${f.severity.toLowerCase()}`}>
              {label(m.labels.severity, f.severity)}
            </span>
          </div>
          <p>{flagSentence(i18n, f, domains)}</p>
          <p className="muted small">
            {m.flags.rule}: <code>{f.ruleId}</code> · {m.flags.source}: {f.source} ·{' '}
            {fmt(m.flags.policy, { version: f.policyVersion })}
          </p>
        </li>
      ))}
    </ul>
  );
}
