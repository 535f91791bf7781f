import { useState, type FormEvent } from 'react';
import { downloadFile, type ApiError } from '../api/client';
import {
  PromotionCandidatesQuery,
  SpecialistsQuery,
  SpecialtyDomainsQuery,
  TalentPoolsQuery,
  TrainingCandidatesQuery,
} from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { useSession } from '../auth/session';
import { domainName } from '../components/Achievements';
import { CandidateCard } from '../components/CandidateCard';
import { ErrorBox, Loading, Pager, Section } from '../components/common';
import { CreatePoolForm } from '../components/CreatePoolForm';
import { UnitSelect } from '../components/UnitSelect';
import { usePages } from '../components/use-pages';
import type { CandidateListFieldsFragment, TrainingNeed } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { PoolPicker, type Picked } from './PoolPicker';

type Kind = 'promotion' | 'training' | 'specialists';

export const TARGET_LEVELS = [
  'TOWNSHIP_CHIEF',
  'COUNTY_DEPUTY',
  'COUNTY_CHIEF',
  'BUREAU_DEPUTY',
  'BUREAU_CHIEF',
  'CLERK_1',
  'PRINCIPAL_STAFF_4',
  'PRINCIPAL_STAFF_3',
  'PRINCIPAL_STAFF_2',
  'PRINCIPAL_STAFF_1',
  'RESEARCHER_4',
  'RESEARCHER_3',
  'RESEARCHER_2',
  'RESEARCHER_1',
  'INSPECTOR_2',
  'INSPECTOR_1',
];
const NEEDS: TrainingNeed[] = [
  'SHORTFALL',
  'INDUCTION_DUE',
  'NEVER_TRAINED_IN_WINDOW',
  'LONG_SERVICE_NO_STUDY',
];
const PAGE = 10;

interface Filters {
  kind: Kind;
  targetLevel: string;
  unitId: string;
  domain: string;
  need: string;
  includeNearlyEligible: boolean;
  withinMonths: string;
}

const INITIAL: Filters = {
  kind: 'promotion',
  targetLevel: 'COUNTY_DEPUTY',
  unitId: '',
  domain: '',
  need: '',
  includeNearlyEligible: false,
  withinMonths: '12',
};

/** The list the applied filters ask for, a page at a time; the other two queries are skipped. */
function useCandidates(f: Filters, asOf: string, after: string | null) {
  const unitId = f.unitId || null;
  const months = Number(f.withinMonths) || null;
  const promotion = useApi(
    PromotionCandidatesQuery,
    f.kind === 'promotion'
      ? {
          input: {
            targetLevel: f.targetLevel,
            unitId,
            domain: f.domain || null,
            asOf,
            includeNearlyEligible: f.includeNearlyEligible,
            withinMonths: f.includeNearlyEligible ? months : null,
          },
          first: PAGE,
          after,
        }
      : null,
  );
  const training = useApi(
    TrainingCandidatesQuery,
    f.kind === 'training'
      ? { input: { unitId, asOf, kind: (f.need || null) as TrainingNeed | null }, first: PAGE, after }
      : null,
  );
  const specialists = useApi(
    SpecialistsQuery,
    f.kind === 'specialists' && f.domain ? { domain: f.domain, unitId, asOf, first: PAGE, after } : null,
  );
  const state = f.kind === 'promotion' ? promotion : f.kind === 'training' ? training : specialists;
  const list: CandidateListFieldsFragment | undefined =
    f.kind === 'promotion'
      ? promotion.data?.promotionCandidates
      : f.kind === 'training'
        ? training.data?.trainingCandidates
        : specialists.data?.specialists;
  return { list, error: state.error as ApiError | undefined, loading: state.loading, reload: state.reload };
}

function Facets({
  list,
  unitId,
  onUnit,
}: {
  list: CandidateListFieldsFragment;
  unitId: string;
  onUnit(id: string): void;
}) {
  const { m } = useI18n();
  const groups = [
    { id: 'unit', title: m.candidates.byUnit, items: list.facets.byUnit, clickable: true },
    { id: 'level', title: m.candidates.byLevel, items: list.facets.byLevel, clickable: false },
    { id: 'readiness', title: m.candidates.byReadiness, items: list.facets.byReadiness, clickable: false },
  ].filter((g) => g.items.length > 0);
  return (
    <div className="facets" aria-label={m.candidates.facets}>
      {groups.map((g) => (
        <fieldset key={g.id}>
          <legend>{g.title}</legend>
          <ul className="facet-list">
            {g.items.map((f) => {
              const text =
                g.id === 'level'
                  ? label(m.labels.level, f.key)
                  : g.id === 'readiness'
                    ? label(m.labels.readiness, f.key)
                    : (f.label ?? f.key);
              return (
                <li key={f.key}>
                  {g.clickable ? (
                    <button
                      type="button"
                      aria-pressed={unitId === f.key}
                      onClick={() => onUnit(unitId === f.key ? '' : f.key)}
                    >
                      {text} <span className="muted">{f.count}</span>
                    </button>
                  ) : (
                    <span className="chip">
                      {text} <strong>{f.count}</strong>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}

/** Promotion candidates, training needs and specialists, ranked and explained; shortlist into a talent pool. */
export function CandidateSearch() {
  const { m, locale } = useI18n();
  const { asOf } = useAsOf();
  const { session } = useSession();
  const domains = useApi(SpecialtyDomainsQuery, {});
  const pools = useApi(TalentPoolsQuery, { first: 100 });
  const poolList = pools.data?.talentPools.edges.map((e) => e.node) ?? [];
  const [draft, setDraft] = useState<Filters>(INITIAL);
  const [applied, setApplied] = useState<Filters>(INITIAL);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [domainError, setDomainError] = useState('');
  const pages = usePages(`${JSON.stringify(applied)}|${asOf}`);
  // Picks survive paging (so a shortlist may span pages) and are cleared by a new search.
  const [picks, setPicks] = useState<{ key: string; list: Picked[] }>({ key: '', list: [] });
  const pickKey = JSON.stringify(applied);
  const picked = picks.key === pickKey ? picks.list : [];
  const toggle = (p: Picked, on: boolean) =>
    setPicks({ key: pickKey, list: on ? [...picked, p] : picked.filter((x) => x.cadreId !== p.cadreId) });
  const { list, error, loading, reload } = useCandidates(applied, asOf, pages.after);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const domainList = domains.data?.specialtyDomains ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.kind === 'specialists' && !draft.domain) {
      setDomainError(m.form.required);
      return;
    }
    setDomainError('');
    setApplied(draft);
  };
  const filterUnit = (id: string) => {
    setDraft((d) => ({ ...d, unitId: id }));
    setApplied((a) => ({ ...a, unitId: id }));
  };
  const exportFile = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    const q = new URLSearchParams({ targetLevel: applied.targetLevel, asOf, locale });
    if (applied.unitId) q.set('unitId', applied.unitId);
    if (applied.domain) q.set('domain', applied.domain);
    if (applied.includeNearlyEligible) {
      q.set('includeNearlyEligible', 'true');
      q.set('withinMonths', applied.withinMonths);
    }
    try {
      await downloadFile(
        session?.token ?? null,
        `/export/promotion-candidates.${format}?${q}`,
        `${m.candidates.title}-${label(m.labels.level, applied.targetLevel)}-${asOf}.${format}`,
      );
    } catch (err) {
      setExportError(err as ApiError);
    }
  };

  return (
    <div>
      <h1>{m.candidates.title}</h1>
      <form className="card toolbar" onSubmit={submit} role="search" aria-label={m.candidates.title}>
        <div className="field">
          <label htmlFor="cand-kind">{m.candidates.kind}</label>
          <select id="cand-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as Kind)}>
            <option value="promotion">{m.candidates.promotion}</option>
            <option value="training">{m.candidates.training}</option>
            <option value="specialists">{m.candidates.specialists}</option>
          </select>
        </div>
        {draft.kind === 'promotion' && (
          <div className="field">
            <label htmlFor="cand-level">{m.candidates.targetLevel}</label>
            <select
              id="cand-level"
              value={draft.targetLevel}
              onChange={(e) => set('targetLevel', e.target.value)}
            >
              {TARGET_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {label(m.labels.level, l)}
                </option>
              ))}
            </select>
          </div>
        )}
        <UnitSelect
          id="cand-unit"
          label={m.candidates.unit}
          value={draft.unitId}
          onChange={(v) => set('unitId', v)}
        />
        {draft.kind !== 'training' && (
          <div className={`field${domainError ? ' has-error' : ''}`}>
            <label htmlFor="cand-domain">{m.candidates.domain}</label>
            <select
              id="cand-domain"
              value={draft.domain}
              onChange={(e) => set('domain', e.target.value)}
              aria-invalid={domainError ? true : undefined}
              aria-describedby={domainError ? 'cand-domain-error' : undefined}
            >
              <option value="">{draft.kind === 'promotion' ? m.candidates.anyDomain : '—'}</option>
              {domainList.map((d) => (
                <option key={d.code} value={d.code}>
                  {domainName(domainList, d.code, locale)}
                </option>
              ))}
            </select>
            {domainError && (
              <p className="field-error" id="cand-domain-error" role="alert">
                {domainError}
              </p>
            )}
          </div>
        )}
        {draft.kind === 'training' && (
          <div className="field">
            <label htmlFor="cand-need">{m.candidates.need}</label>
            <select id="cand-need" value={draft.need} onChange={(e) => set('need', e.target.value)}>
              <option value="">{m.candidates.anyDomain}</option>
              {NEEDS.map((n) => (
                <option key={n} value={n}>
                  {label(m.labels.need, n)}
                </option>
              ))}
            </select>
          </div>
        )}
        {draft.kind === 'promotion' && (
          <>
            <div className="field field-check">
              <input
                id="cand-nearly"
                type="checkbox"
                checked={draft.includeNearlyEligible}
                onChange={(e) => set('includeNearlyEligible', e.target.checked)}
              />
              <label htmlFor="cand-nearly">{m.candidates.nearly}</label>
            </div>
            {draft.includeNearlyEligible && (
              <div className="field">
                <label htmlFor="cand-months">{m.candidates.withinMonths}</label>
                <input
                  id="cand-months"
                  type="number"
                  min="1"
                  max="60"
                  value={draft.withinMonths}
                  onChange={(e) => set('withinMonths', e.target.value)}
                />
              </div>
            )}
          </>
        )}
        <button type="submit" className="primary">
          {m.candidates.search}
        </button>
      </form>
      {error && <ErrorBox error={error} onRetry={reload} />}
      {!list && !error && (applied.kind !== 'specialists' || applied.domain) && <Loading />}
      {list && (
        <Section
          id="candidates"
          title={fmt(m.candidates.total, { n: list.totalCount })}
          actions={
            applied.kind === 'promotion' && (
              <>
                <button type="button" onClick={() => void exportFile('csv')}>
                  {m.candidates.export}
                </button>
                <button type="button" onClick={() => void exportFile('xlsx')}>
                  {m.candidates.exportXlsx}
                </button>
              </>
            )
          }
        >
          {exportError && <ErrorBox error={exportError} />}
          <details className="list-details" open={pools.data && poolList.length === 0}>
            <summary>{m.pools.create}</summary>
            <CreatePoolForm
              idPrefix="cand-pool"
              defaultLevel={applied.kind === 'promotion' ? applied.targetLevel : undefined}
              defaultUnitId={applied.unitId}
              onCreated={pools.reload}
            />
          </details>
          <Facets list={list} unitId={applied.unitId} onUnit={filterUnit} />
          <PoolPicker
            picked={picked}
            targetLevel={applied.kind === 'promotion' ? applied.targetLevel : null}
            pools={poolList}
            onAdded={(ids) => {
              setPicks({ key: pickKey, list: picked.filter((p) => !ids.includes(p.cadreId)) });
              pools.reload();
            }}
          />
          {list.edges.length === 0 ? (
            <p className="muted">{m.candidates.empty}</p>
          ) : (
            <ol className="cards candidates" aria-busy={loading}>
              {list.edges.map(({ node }, i) => (
                <CandidateCard key={node.cadreId} rank={(pages.page - 1) * PAGE + i + 1} candidate={node}>
                  {poolList.length > 0 && (
                    <p className="field-check pick">
                      <input
                        id={`pick-${node.cadreId}`}
                        type="checkbox"
                        checked={picked.some((p) => p.cadreId === node.cadreId)}
                        onChange={(e) =>
                          toggle({ cadreId: node.cadreId, name: node.cadre.name }, e.target.checked)
                        }
                      />
                      <label htmlFor={`pick-${node.cadreId}`}>
                        {fmt(m.candidates.pick, { name: node.cadre.name })}
                      </label>
                    </p>
                  )}
                </CandidateCard>
              ))}
            </ol>
          )}
          <Pager
            page={pages.page}
            hasNext={list.pageInfo.hasNextPage}
            onPrev={pages.prev}
            onNext={() => pages.next(list.pageInfo.endCursor)}
          />
        </Section>
      )}
    </div>
  );
}
