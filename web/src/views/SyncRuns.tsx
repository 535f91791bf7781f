import { useState } from 'react';
import { SyncRunQuery, SyncRunsQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { ErrorBox, Loading, ConnectionPager, Section } from '../components/common';
import { usePages } from '../components/use-pages';
import type { SyncOutcome, SyncRunFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

const PAGE = 20;
const OUTCOMES: SyncOutcome[] = ['REJECTED', 'CREATED', 'UPDATED', 'UNCHANGED', 'ENDED'];

function Head({ cols }: { cols: string[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function useWords() {
  const { m, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    when: (iso: string) => time.format(new Date(iso)),
    kind: (k: string) => label(m.sync.kinds, k),
    counts: (r: SyncRunFieldsFragment) => fmt(m.sync.countLine, { ...r.counts }),
  };
}

/** Sync runs newest first: what each HR system sent, how it ended, the counts. */
export function SyncRuns() {
  const { m } = useI18n();
  const w = useWords();
  const pages = usePages('runs');
  const q = useApi(SyncRunsQuery, { first: PAGE, after: pages.after });
  const list = q.data?.syncRuns;
  return (
    <div>
      <h1>{m.sync.title}</h1>
      <p className="muted">{m.sync.intro}</p>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!list && !q.error && <Loading />}
      {list && (
        <Section id="sync-runs" title={fmt(m.sync.total, { n: list.totalCount })}>
          {list.edges.length === 0 ? (
            <p className="muted">{m.sync.empty}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <Head cols={[m.sync.startedAt, m.sync.source, m.sync.kind, m.sync.status, m.sync.counts]} />
                <tbody>
                  {list.edges.map(({ node: r }) => (
                    <tr key={r.id} data-run={r.id}>
                      <td>
                        <Link to={`/sync/${r.id}`}>{w.when(r.startedAt)}</Link>
                      </td>
                      <td>{r.source}</td>
                      <td>
                        {w.kind(r.kind)} · {label(m.sync.modes, r.mode)}
                        {r.dryRun && <span className="badge">{m.sync.dryRun}</span>}
                      </td>
                      <td>
                        <span
                          className={`badge ${r.status === 'REJECTED' ? 'badge-rejected' : 'badge-verified'}`}
                        >
                          {label(m.sync.statuses, r.status)}
                        </span>
                      </td>
                      <td className="small">{w.counts(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ConnectionPager pages={pages} pageInfo={list.pageInfo} />
        </Section>
      )}
    </div>
  );
}

/** One run: its counts and a row per record with the outcome; rejected rows name the field and the problem. */
export function SyncRunPage({ id }: { id: string }) {
  const { m, locale } = useI18n();
  const w = useWords();
  const [outcome, setOutcome] = useState<SyncOutcome | ''>('REJECTED');
  const pages = usePages(outcome);
  const q = useApi(SyncRunQuery, { id, outcome: outcome || null, first: PAGE, after: pages.after });
  const run = q.data?.syncRun;
  return (
    <div>
      <p className="record-actions">
        <Link to="/sync">{m.sync.back}</Link>
      </p>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!run && !q.error && <Loading />}
      {run && (
        <>
          <h1>{fmt(m.sync.runTitle, { kind: w.kind(run.kind), time: w.when(run.startedAt) })}</h1>
          <ul className="facts">
            <li>
              {m.sync.source} {run.source}
            </li>
            <li>{label(m.sync.modes, run.mode)}</li>
            <li>{label(m.sync.statuses, run.status)}</li>
            {run.dryRun && <li>{m.sync.dryRun}</li>}
            {run.atomic && <li>{m.sync.atomic}</li>}
            <li>{w.counts(run)}</li>
          </ul>
          <Section
            id="sync-results"
            title={fmt(m.sync.resultsTotal, { n: run.results.totalCount })}
            actions={
              <div className="field inline">
                <label htmlFor="sync-outcome">{m.sync.outcome}</label>
                <select
                  id="sync-outcome"
                  value={outcome}
                  onChange={(e) => setOutcome(e.target.value as SyncOutcome | '')}
                >
                  <option value="">{m.sync.allOutcomes}</option>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {label(m.sync.outcomes, o)}
                    </option>
                  ))}
                </select>
              </div>
            }
          >
            <div className="table-wrap">
              <table>
                <Head cols={[m.sync.index, m.sync.externalId, m.sync.outcome, m.sync.problems]} />
                <tbody>
                  {run.results.edges.map(({ node: r }) => (
                    <tr key={r.index} data-outcome={r.outcome}>
                      <td className="num">{r.index + 1}</td>
                      <td>{r.externalId}</td>
                      <td>{label(m.sync.outcomes, r.outcome)}</td>
                      <td>
                        <ul className="plain-list">
                          {r.errors.map((e, n) => (
                            <li key={n} data-code={e.code}>
                              {fmt(m.sync.problem, {
                                field: label(m.sync.fields, e.field),
                                code: label(m.sync.codes, e.code),
                              })}
                              {/* The service's sentence is English only: shown to English readers. */}
                              {locale === 'en' && <span className="muted small"> ({e.message})</span>}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ConnectionPager pages={pages} pageInfo={run.results.pageInfo} />
          </Section>
        </>
      )}
    </div>
  );
}
