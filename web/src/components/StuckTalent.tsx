import { useState } from 'react';
import { StuckTalentCadresQuery, StuckTalentQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { fmt, useI18n } from '../i18n/i18n';
import { ErrorBox, Loading, Pager, Section } from './common';
import { FlaggedPeople } from './FlaggedPeople';
import { usePages } from './use-pages';

type Counts = { count: number; countOneYearEarlier: number; countTwoYearsEarlier: number };
/** Oldest first, as the chart and the table read left to right. */
const series = (c: Counts) => [c.countTwoYearsEarlier, c.countOneYearEarlier, c.count];

/** One row's names on the report's date, a page at a time, each with the two flags' reasons. */
function StuckNames({ root, row, title }: { root: string; row: string; title: string }) {
  const i18n = useI18n();
  const { m } = i18n;
  const { asOf } = useAsOf();
  const pages = usePages(`${root}|${row}|${asOf}`);
  const q = useApi(StuckTalentCadresQuery, {
    unitId: root || null,
    row,
    asOf,
    first: 10,
    after: pages.after,
  });
  const conn = q.data?.stuckTalent.units[0]?.cadres;
  return (
    <div className="stuck-names" id="stuck-names">
      <h3>
        {title}
        {conn && <span className="count"> {fmt(m.dashboard.count, { n: conn.totalCount })}</span>}
      </h3>
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
    </div>
  );
}

/**
 * 久任待提: per unit beneath the scope, the cadres past a posting limit and ready for promotion, on asOf and
 * one and two years earlier: the trend of the total as a column chart, the units as a table, names on request.
 */
export function StuckTalent({ unitId }: { unitId: string }) {
  const { m, number, date } = useI18n();
  const { asOf } = useAsOf();
  const [open, setOpen] = useState<string | null>(null);
  const q = useApi(StuckTalentQuery, { unitId: unitId || null, asOf });
  const r = q.data?.stuckTalent;
  const dates = r ? [...r.dates].reverse() : [];
  const totals = r ? series(r.total) : [];
  const max = Math.max(1, ...totals);
  const openRow = r?.units.find((u) => u.unitId === open);
  return (
    <Section
      id="stuck"
      title={m.stuck.title}
      actions={r && <span className="count">{fmt(m.dashboard.count, { n: r.total.count })}</span>}
    >
      <p className="muted small">{m.stuck.explain}</p>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!r && !q.error && <Loading />}
      {r && (
        <>
          <figure className="bar-chart stuck-chart" aria-labelledby="stuck-chart-cap">
            <figcaption id="stuck-chart-cap">{m.stuck.chartCaption}</figcaption>
            <div className="columns" role="list">
              {totals.map((n, i) => (
                <div className="column" key={dates[i]} role="listitem" aria-label={`${date(dates[i])}: ${n}`}>
                  <span className="column-value">{number(n, 0)}</span>
                  <div className="column-bar stuck" style={{ height: `${(n / max) * 85}%` }} />
                  <span className="column-label">{date(dates[i])}</span>
                </div>
              ))}
            </div>
          </figure>
          <div className="table-wrap">
            <table className="stuck-table">
              <caption className="visually-hidden">{m.stuck.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.stuck.unit}</th>
                  {dates.map((d) => (
                    <th scope="col" key={d} className="num">
                      {date(d)}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{m.stuck.names}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.units.map((u) => (
                  <tr key={`${u.unitId}|${u.own}`} className={open === u.unitId ? 'selected' : undefined}>
                    <th scope="row">{u.own ? fmt(m.stuck.own, { unit: u.unit.name }) : u.unit.name}</th>
                    {series(u).map((n, i) => (
                      <td key={i} className="num">
                        {number(n, 0)}
                      </td>
                    ))}
                    <td>
                      {u.count > 0 && (
                        <button
                          type="button"
                          aria-expanded={open === u.unitId}
                          aria-controls="stuck-names"
                          onClick={() => setOpen(open === u.unitId ? null : u.unitId)}
                        >
                          {m.stuck.names}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {openRow && (
            <StuckNames
              root={unitId}
              row={openRow.unitId}
              title={fmt(m.stuck.namesOf, { unit: openRow.unit.name })}
            />
          )}
        </>
      )}
    </Section>
  );
}
