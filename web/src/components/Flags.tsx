import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { renderReason } from '../../../src/i18n/reasons';
import { fmt, label, useI18n, type I18n } from '../i18n/i18n';

type Flag = Pick<
  CadreRecordFieldsFragment['flags'][number],
  'code' | 'severity' | 'reason' | 'ruleId' | 'citation' | 'facts' | 'policyVersion'
>;

/** The flag in the reader's language, from its reason's code and params (the renderer the service uses too). */
export function flagSentence(i18n: I18n, flag: Pick<Flag, 'reason'>): string {
  return renderReason(flag.reason, i18n.locale, { date: i18n.date });
}

/** Each flag with its reason in plain words, the rule that raised it and that rule's public source. */
export function Flags({ flags }: { flags: Flag[] }) {
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
          <p>{flagSentence(i18n, f)}</p>
          <p className="muted small">
            {m.flags.rule}: {label(m.labels.rule, f.ruleId)}
            {f.citation && (
              <>
                {' '}
                · {m.flags.source}: {f.citation.text}
              </>
            )}{' '}
            · {fmt(m.flags.policy, { version: f.policyVersion })}
          </p>
        </li>
      ))}
    </ul>
  );
}
