import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { FlagCountQuery, FlaggedCadresQuery } from '../api/operations';
import { useApi, useRequest } from '../api/use-api';
import { useAsOf } from '../as-of';
import { ErrorBox, Loading, Pager, Section } from '../components/common';
import { FlaggedPeople } from '../components/FlaggedPeople';
import { StuckTalent } from '../components/StuckTalent';
import { UnitSelect } from '../components/UnitSelect';
import { usePages } from '../components/use-pages';
import type { FlagCode } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';

const CODES: FlagCode[] = [
  'POSTING_LIMIT_EXCEEDED',
  'POSTING_LIMIT_APPROACHING',
  'TRAINING_SHORTFALL',
  'INDUCTION_TRAINING_DUE',
  'SPECIALIST_STRENGTH',
  'PROMOTION_ELIGIBLE',
];

type Count = { code: FlagCode; n: number | null; error?: ApiError };

/** One count per flag, asked separately so that one failing rule does not hide the others. */
function useFlagCounts(asOf: string, unitId: string): { counts: Count[] | null; reload(): void } {
  const send = useRequest();
  const [counts, setCounts] = useState<Count[] | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setCounts(null);
    void Promise.allSettled(
      CODES.map((code) => send(FlagCountQuery, { codes: [code], asOf, unitId: unitId || null })),
    ).then((results) => {
      if (!live) return;
      setCounts(
        results.map((r, i) =>
          r.status === 'fulfilled'
            ? { code: CODES[i], n: r.value.flaggedCadres.totalCount }
            : { code: CODES[i], n: null, error: r.reason instanceof ApiError ? r.reason : undefined },
        ),
      );
    });
    return () => {
      live = false;
    };
  }, [send, asOf, unitId, nonce]);
  return { counts, reload: () => setNonce((n) => n + 1) };
}

/** One flag's cadres, a page at a time, each with the flag's reason. */
function FlaggedList({ code, title, unitId }: { code: FlagCode; title: string; unitId: string }) {
  const i18n = useI18n();
  const { m } = i18n;
  const { asOf } = useAsOf();
  const pages = usePages(`${code}|${unitId}|${asOf}`);
  const q = useApi(FlaggedCadresQuery, {
    codes: [code],
    asOf,
    unitId: unitId || null,
    first: 10,
    after: pages.after,
  });
  const conn = q.data?.flaggedCadres;
  return (
    <Section
      id={`list-${code}`}
      title={title}
      actions={conn && <span className="count">{fmt(m.dashboard.count, { n: conn.totalCount })}</span>}
    >
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!conn && !q.error && <Loading />}
      {conn && conn.edges.length === 0 && <p className="muted">{m.dashboard.empty}</p>}
      {conn && conn.edges.length > 0 && (
        <>
          <FlaggedPeople nodes={conn.edges.map((e) => e.node)} busy={q.loading} />
          <Pager
            page={pages.page}
            hasNext={conn.pageInfo.hasNextPage}
            onPrev={pages.prev}
            onNext={() => pages.next(conn.pageInfo.endCursor)}
          />
        </>
      )}
    </Section>
  );
}

/** Counts per flag in the jurisdiction, as a bar chart; click a bar to list that flag's cadres. */
export function FlagDashboard() {
  const { m, number } = useI18n();
  const { asOf } = useAsOf();
  const [unitId, setUnitId] = useState('');
  const [selected, setSelected] = useState<FlagCode | null>(null);
  const { counts, reload } = useFlagCounts(asOf, unitId);
  const max = Math.max(1, ...(counts ?? []).map((v) => v.n ?? 0));
  const failed = counts?.find((c) => c.error)?.error;
  return (
    <div>
      <h1>{m.dashboard.title}</h1>
      <div className="toolbar">
        <UnitSelect id="dashboard-unit" label={m.dashboard.unit} value={unitId} onChange={setUnitId} />
      </div>
      <Section id="counts" title={m.dashboard.counts}>
        {!counts && <Loading />}
        {counts && (
          <figure className="hbar-chart">
            <figcaption className="visually-hidden">{m.dashboard.countsCaption}</figcaption>
            <ul className="plain-list">
              {counts.map((v) => (
                <li key={v.code}>
                  <button
                    type="button"
                    className={`hbar-row${selected === v.code ? ' selected' : ''}`}
                    aria-pressed={selected === v.code}
                    onClick={() => setSelected(selected === v.code ? null : v.code)}
                  >
                    <span className="hbar-label">{label(m.labels.flag, v.code)}</span>
                    <span className="hbar-track">
                      <span
                        className={`hbar-fill fill-${v.code.toLowerCase()}`}
                        style={{ width: `${((v.n ?? 0) / max) * 100}%` }}
                      />
                    </span>
                    <span className="hbar-value">{v.n === null ? '—' : number(v.n, 0)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </figure>
        )}
        {failed && <ErrorBox error={failed} onRetry={reload} />}
      </Section>
      {selected && !['POSTING_LIMIT_EXCEEDED', 'POSTING_LIMIT_APPROACHING'].includes(selected) && (
        <FlaggedList
          code={selected}
          unitId={unitId}
          title={fmt(m.dashboard.listOf, { label: label(m.labels.flag, selected) })}
        />
      )}
      <StuckTalent unitId={unitId} />
      <div className="record-grid">
        <FlaggedList code="POSTING_LIMIT_EXCEEDED" unitId={unitId} title={m.dashboard.exceeded} />
        <FlaggedList code="POSTING_LIMIT_APPROACHING" unitId={unitId} title={m.dashboard.approaching} />
      </div>
    </div>
  );
}
