import { useState, type FormEvent } from 'react';
import { CadresQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { ErrorBox, Loading, Pager, Section } from '../components/common';
import { UnitSelect } from '../components/UnitSelect';
import { usePages } from '../components/use-pages';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** Find a cadre in the jurisdiction by name, then open the record. */
export function Cadres() {
  const { m } = useI18n();
  const { asOf } = useAsOf();
  const [draft, setDraft] = useState('');
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const pages = usePages(`${name}|${unitId}|${asOf}`);
  const q = useApi(CadresQuery, {
    filter: { name: name || null, unitId: unitId || null, asOf },
    first: 20,
    after: pages.after,
    asOf,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setName(draft.trim());
  };
  const conn = q.data?.cadres;
  return (
    <div>
      <h1>{m.cadres.title}</h1>
      <form className="toolbar" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="cadre-name">{m.cadres.name}</label>
          <input id="cadre-name" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <UnitSelect id="cadre-unit" label={m.dashboard.unit} value={unitId} onChange={setUnitId} />
        <button type="submit" className="primary">
          {m.cadres.search}
        </button>
      </form>
      <Section id="cadre-list" title={conn ? fmt(m.cadres.total, { n: conn.totalCount }) : m.cadres.title}>
        {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
        {!conn && !q.error && <Loading />}
        {conn && (
          <>
            <ul className="plain-list people" aria-busy={q.loading}>
              {conn.edges.map(({ node }) => {
                const post = node.currentPostings[0];
                return (
                  <li key={node.id}>
                    <Link to={`/cadres/${node.id}`}>
                      <strong>{node.name}</strong>
                    </Link>{' '}
                    <span className="muted small">
                      {node.externalId}
                      {post && ` · ${post.unit.name} · ${post.title} · ${label(m.labels.level, post.level)}`}
                    </span>
                  </li>
                );
              })}
            </ul>
            <Pager
              page={pages.page}
              hasNext={conn.pageInfo.hasNextPage}
              onPrev={pages.prev}
              onNext={() => pages.next(conn.pageInfo.endCursor)}
            />
          </>
        )}
      </Section>
    </div>
  );
}
