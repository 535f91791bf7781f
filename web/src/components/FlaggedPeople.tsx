import type { FlaggedCadreFieldsFragment } from '../gql/graphql';
import { label, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { flagSentence } from './Flags';

/** Flagged cadres, each with a link to the record, the current post and every flag's reason. */
export function FlaggedPeople({ nodes, busy }: { nodes: FlaggedCadreFieldsFragment[]; busy: boolean }) {
  const i18n = useI18n();
  const { m } = i18n;
  return (
    <ul className="plain-list people" aria-busy={busy}>
      {nodes.map((node) => {
        const post = node.cadre.currentPostings[0];
        return (
          <li key={node.cadre.id}>
            <Link to={`/cadres/${node.cadre.id}`}>
              <strong>{node.cadre.name}</strong>
            </Link>{' '}
            <span className="muted small">
              {node.cadre.externalId}
              {post && ` · ${post.unit.name} · ${post.title} · ${label(m.labels.level, post.level)}`}
            </span>
            {node.flags.map((f, n) => (
              <p key={n} className="small">
                {flagSentence(i18n, f)} <span className="muted">· {label(m.labels.rule, f.ruleId)}</span>
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
