import { useState } from 'react';
import { VacanciesQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { ConnectionPager, ErrorBox, Loading, Section } from '../components/common';
import { UnitSelect } from '../components/UnitSelect';
import { usePages } from '../components/use-pages';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

const PAGE = 20;

/** Domain codes in the reader's words, joined as the locale joins a list. */
export function useDomainList() {
  const { m, locale } = useI18n();
  return (codes: readonly string[]) =>
    codes.map((c) => label(m.labels.domain, c)).join(locale === 'en' ? ', ' : '、');
}

/** The department's vacancies on the date: unit, post, level, specialty, holders of the number, vacant since. */
export function Vacancies() {
  const { m, date, number } = useI18n();
  const { asOf } = useAsOf();
  const [unitId, setUnitId] = useState('');
  const pages = usePages(`${unitId}|${asOf}`);
  const q = useApi(VacanciesQuery, { unitId: unitId || null, asOf, first: PAGE, after: pages.after });
  const domains = useDomainList();
  const list = q.data?.vacancies;
  return (
    <div>
      <h1>{m.vacancies.title}</h1>
      <p className="lead">{m.vacancies.intro}</p>
      <div className="toolbar">
        <UnitSelect id="vacancy-unit" label={m.vacancies.unit} value={unitId} onChange={setUnitId} />
      </div>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!list && !q.error && <Loading />}
      {list && (
        <Section id="vacancies" title={fmt(m.vacancies.total, { n: list.totalCount })}>
          {list.edges.length === 0 ? (
            <p className="muted">{m.vacancies.empty}</p>
          ) : (
            <div className="table-wrap">
              <table aria-busy={q.loading}>
                <thead>
                  <tr>
                    <th scope="col">{m.vacancies.colUnit}</th>
                    <th scope="col">{m.vacancies.colPost}</th>
                    <th scope="col">{m.vacancies.colLevel}</th>
                    <th scope="col">{m.vacancies.colDomains}</th>
                    <th scope="col" className="num">
                      {m.vacancies.colHolders}
                    </th>
                    <th scope="col">{m.vacancies.colSince}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.edges.map(({ node: v }) => {
                    const preferred = v.post?.preferredDomains ?? [];
                    return (
                      <tr key={v.post?.id ?? `${v.unit.id}-${v.level}`} data-post={v.post?.id}>
                        <td>{v.unit.name}</td>
                        <td>
                          {v.post ? (
                            <Link to={`/vacancies/${v.post.id}`}>{v.title}</Link>
                          ) : (
                            <span className="muted">{m.vacancies.quota}</span>
                          )}
                        </td>
                        <td>{label(m.labels.level, v.level)}</td>
                        <td className="small">
                          {v.requiredDomains.length > 0 && (
                            <div>{fmt(m.vacancies.required, { domains: domains(v.requiredDomains) })}</div>
                          )}
                          {preferred.length > 0 && (
                            <div>{fmt(m.vacancies.preferred, { domains: domains(preferred) })}</div>
                          )}
                          {v.requiredDomains.length + preferred.length === 0 && (
                            <span className="muted">{m.vacancies.noDomains}</span>
                          )}
                        </td>
                        <td className="num">
                          {number(v.holders, 0)} / {number(v.approved, 0)}
                          {v.mustRotate > 0 && (
                            <div className="small muted">
                              {fmt(m.vacancies.mustRotate, { n: number(v.mustRotate, 0) })}
                            </div>
                          )}
                        </td>
                        <td>
                          {v.vacantSince ? date(v.vacantSince) : m.vacancies.unknownSince}
                          {v.daysVacant !== null && v.daysVacant !== undefined && (
                            <div className="small muted">
                              {fmt(m.vacancies.days, { n: number(v.daysVacant, 0) })}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
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
