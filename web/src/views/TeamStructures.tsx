import { useState } from 'react';
import { downloadFile, type ApiError } from '../api/client';
import { TeamStructureQuery, TeamStructuresQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { useSession } from '../auth/session';
import { ConnectionPager, ErrorBox, Loading, Section } from '../components/common';
import { UnitSelect } from '../components/UnitSelect';
import { usePages } from '../components/use-pages';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

const PAGE = 20;

/** The targets missed, named; "all met" when none. */
function Missed({ codes }: { codes: readonly string[] }) {
  const { m } = useI18n();
  if (codes.length === 0) return <span className="muted">{m.teams.allMet}</span>;
  return (
    <>
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 && ' '}
          <span className="badge badge-warn" data-missed={c}>
            {label(m.labels.teamTarget, c)}
          </span>
        </span>
      ))}
    </>
  );
}

/** Every leadership team under the scope, with the targets it misses; CSV and Excel of the same table. */
export function TeamStructures() {
  const { m, locale, number } = useI18n();
  const { asOf } = useAsOf();
  const { session } = useSession();
  const [unitId, setUnitId] = useState('');
  const [missingOnly, setMissingOnly] = useState(true);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const pages = usePages(`${unitId}|${asOf}|${missingOnly}`);
  const q = useApi(TeamStructuresQuery, {
    unitId: unitId || null,
    asOf,
    missingOnly,
    first: PAGE,
    after: pages.after,
  });
  const list = q.data?.teamStructures;
  const exportFile = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    const p = new URLSearchParams({ asOf, locale, missingOnly: String(missingOnly) });
    if (unitId) p.set('unitId', unitId);
    try {
      await downloadFile(
        session?.token ?? null,
        `/export/team-structures.${format}?${p}`,
        `${m.teams.title}-${asOf}.${format}`,
      );
    } catch (err) {
      setExportError(err as ApiError);
    }
  };
  return (
    <div>
      <h1>{m.teams.title}</h1>
      <p className="lead">{m.teams.intro}</p>
      <div className="toolbar">
        <UnitSelect id="team-unit" label={m.teams.unit} value={unitId} onChange={setUnitId} />
        <div className="field field-check">
          <input
            id="team-missing"
            type="checkbox"
            checked={missingOnly}
            onChange={(e) => setMissingOnly(e.target.checked)}
          />
          <label htmlFor="team-missing">{m.teams.missingOnly}</label>
        </div>
      </div>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!list && !q.error && <Loading />}
      {list && (
        <Section
          id="teams"
          title={fmt(m.teams.total, { n: list.totalCount })}
          actions={
            <span className="card-actions">
              <button type="button" onClick={() => void exportFile('csv')}>
                {m.teams.exportCsv}
              </button>
              <button type="button" onClick={() => void exportFile('xlsx')}>
                {m.teams.exportXlsx}
              </button>
            </span>
          }
        >
          {exportError && <ErrorBox error={exportError} />}
          {list.edges.length === 0 ? (
            <p className="muted">{missingOnly ? m.teams.empty : m.teams.emptyAll}</p>
          ) : (
            <div className="table-wrap">
              <table aria-busy={q.loading}>
                <thead>
                  <tr>
                    <th scope="col">{m.teams.colUnit}</th>
                    <th scope="col" className="num">
                      {m.teams.colHolders}
                    </th>
                    <th scope="col" className="num">
                      {m.teams.colWomen}
                    </th>
                    <th scope="col" className="num">
                      {m.teams.colYoung}
                    </th>
                    <th scope="col" className="num">
                      {m.teams.colGrassroots}
                    </th>
                    <th scope="col" className="num">
                      {m.teams.colAge}
                    </th>
                    <th scope="col">{m.teams.colMissed}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.edges.map(({ node: t }) => (
                    <tr key={t.unitId} data-unit={t.unitId}>
                      <td>
                        <Link to={`/teams/${t.unitId}`}>{t.unit.name}</Link>
                      </td>
                      <td className="num">{number(t.holders, 0)}</td>
                      <td className="num">{number(t.women, 0)}</td>
                      <td className="num">{number(t.young, 0)}</td>
                      <td className="num">{number(t.grassroots, 0)}</td>
                      <td className="num">{t.averageAge === null ? '—' : number(t.averageAge, 1)}</td>
                      <td>
                        <Missed codes={t.missed} />
                      </td>
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

/** A horizontal bar chart of counts, with the numbers written beside the bars. */
function Bars({
  id,
  title,
  rows,
}: {
  id: string;
  title: string;
  rows: { key: string; name: string; count: number }[];
}) {
  const { m, number } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <figure className="hbar-chart team-chart" aria-labelledby={`${id}-cap`} data-chart={id}>
      <figcaption id={`${id}-cap`}>
        <strong>{title}</strong>
        <span className="visually-hidden">{fmt(m.teams.chartCaption, { title })}</span>
      </figcaption>
      <ul className="plain-list">
        {rows.map((r) => (
          <li key={r.key} className="hbar-row">
            <span className="hbar-label">{r.name}</span>
            <span className="hbar-track">
              <span className="hbar-fill" style={{ width: `${(r.count / max) * 100}%` }} />
            </span>
            <span className="hbar-value">{number(r.count, 0)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** One unit's leadership team: targets, the age, gender and education charts, and the members. */
export function TeamStructurePage({ unitId }: { unitId: string }) {
  const { m, number } = useI18n();
  const { asOf } = useAsOf();
  const q = useApi(TeamStructureQuery, { unitId, asOf });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading />;
  const t = q.data.teamStructure;
  const name = (dict: Record<string, string>, key: string | null | undefined) =>
    key ? label(dict, key) : m.teams.unknown;
  const band = (b: { from?: number | null; to?: number | null }) =>
    b.from === null || b.from === undefined
      ? fmt(m.teams.ageBandTo, { to: b.to ?? '' })
      : b.to === null || b.to === undefined
        ? fmt(m.teams.ageBandFrom, { from: b.from - 1 })
        : fmt(m.teams.ageBand, { from: b.from, to: b.to });
  const share = (code: string, v: number) =>
    code === 'GRASSROOTS_SHARE' ? `${number(v * 100, 0)}%` : number(v, 0);
  return (
    <div>
      <p>
        <Link to="/teams">← {m.teams.back}</Link>
      </p>
      <h1>{fmt(m.teams.unitTitle, { unit: t.unit.name })}</h1>
      <p className="lead">
        {fmt(m.teams.lead, {
          holders: number(t.holders, 0),
          age: t.averageAge === null || t.averageAge === undefined ? '—' : number(t.averageAge, 1),
          version: t.policyVersion,
        })}
      </p>
      <Section id="team-targets" title={m.teams.targets}>
        <ul className="plain-list">
          {t.targets.map((x) => (
            <li key={x.code} data-target={x.code}>
              <span className={`badge${x.met ? '' : ' badge-warn'}`}>
                {x.met ? m.teams.met : m.teams.missed}
              </span>{' '}
              {fmt(m.teams.target, {
                name: label(m.labels.teamTarget, x.code),
                required: share(x.code, x.required),
                actual: share(x.code, x.actual),
              })}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="team-charts" title={m.teams.members}>
        <div className="record-grid">
          <Bars
            id="chart-age"
            title={m.teams.ageBands}
            rows={t.ageBands.map((b) => ({ key: `${b.from}-${b.to}`, name: band(b), count: b.count }))}
          />
          <Bars
            id="chart-gender"
            title={m.teams.genders}
            rows={t.genders.map((g) => ({
              key: g.key ?? '',
              name: name(m.labels.gender, g.key),
              count: g.count,
            }))}
          />
          <Bars
            id="chart-education"
            title={m.teams.education}
            rows={t.educationLevels.map((g) => ({
              key: g.key ?? '',
              name: name(m.labels.education, g.key),
              count: g.count,
            }))}
          />
          {t.fields.length > 0 ? (
            <Bars
              id="chart-fields"
              title={m.teams.fields}
              rows={t.fields.map((g) => ({
                key: g.key ?? '',
                name: name(m.labels.domain, g.key),
                count: g.count,
              }))}
            />
          ) : (
            <p className="muted small">{m.teams.noFields}</p>
          )}
        </div>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.teams.colName}</th>
                <th scope="col">{m.teams.colTitle}</th>
                <th scope="col">{m.teams.colLevel}</th>
                <th scope="col" className="num">
                  {m.teams.colMemberAge}
                </th>
                <th scope="col">{m.teams.colGender}</th>
                <th scope="col">{m.teams.colYoungMark}</th>
                <th scope="col">{m.teams.colGrassrootsMark}</th>
              </tr>
            </thead>
            <tbody>
              {t.members.map((x) => (
                <tr key={`${x.cadreId}-${x.title}`}>
                  <td>
                    <Link to={`/cadres/${x.cadreId}`}>{x.name}</Link>
                  </td>
                  <td>{x.title}</td>
                  <td>{label(m.labels.level, x.level)}</td>
                  <td className="num">{number(x.age, 0)}</td>
                  <td>{label(m.labels.gender, x.gender)}</td>
                  <td>{x.young ? m.app.yes : m.app.no}</td>
                  <td>{x.grassroots ? m.app.yes : m.app.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
