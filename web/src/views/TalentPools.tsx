import { useState, type FormEvent } from 'react';
import { ApiError, downloadFile } from '../api/client';
import {
  RecordDecisionMutation,
  RemoveFromPoolMutation,
  TalentPoolQuery,
  TalentPoolsQuery,
  UnitChildrenQuery,
} from '../api/operations';
import { useApi, useRequest } from '../api/use-api';
import { useAsOf } from '../as-of';
import { useSession } from '../auth/session';
import { describedBy, ErrorBox, Field, Loading, Section } from '../components/common';
import { CreatePoolForm } from '../components/CreatePoolForm';
import type { PoolDecision, TalentPoolQuery as TalentPoolData } from '../gql/graphql';
import { renderReason } from '../../../src/i18n/reasons';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';

type Pool = TalentPoolData['talentPool'];
type Member = Pool['members'][number];
const DECISIONS: PoolDecision[] = ['PROMOTED', 'DEFERRED', 'SENT_TO_TRAINING', 'DECLINED'];

/** Records a decision on a member; PROMOTED may also record the new post, in the same transaction. */
function DecisionForm({ pool, member, onSaved }: { pool: Pool; member: Member; onSaved(): void }) {
  const { m } = useI18n();
  const { asOf } = useAsOf();
  const { session } = useSession();
  const send = useRequest();
  const root = session?.claims.unitId ?? pool.unit.id;
  const units = useApi(UnitChildrenQuery, { parentId: root });
  const [decision, setDecision] = useState<PoolDecision>('DEFERRED');
  const [effectiveDate, setEffectiveDate] = useState(asOf);
  const [note, setNote] = useState('');
  const [unitId, setUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const id = (f: string) => `decision-${f}-${member.cadreId}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setStatus('');
    const found: Record<string, string> = {};
    if (!effectiveDate) found.effectiveDate = m.form.required;
    if (decision === 'PROMOTED' && (unitId || title.trim())) {
      if (!unitId) found.unitId = m.form.required;
      if (!title.trim()) found.title = m.form.required;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const r = await send(RecordDecisionMutation, {
        input: {
          poolId: pool.id,
          cadreId: member.cadreId,
          decision,
          effectiveDate,
          note: note.trim() || null,
          newPosting: decision === 'PROMOTED' && unitId ? { unitId, title: title.trim() } : null,
        },
      });
      setStatus(fmt(m.pools.decided, { decision: label(m.labels.decision, r.recordDecision.decision) }));
      setNote('');
      onSaved();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fields = err.fieldErrors();
      if (
        Object.keys(fields).some((f) => ['effectiveDate', 'decision', 'note', 'unitId', 'title'].includes(f))
      )
        setErrors(fields);
      else setProblem(err);
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`${m.pools.recordDecision}: ${member.cadre?.name ?? member.cadreId}`}
    >
      <div className="form-grid">
        <Field id={id('decision')} label={m.pools.decision} error={errors.decision}>
          <select
            id={id('decision')}
            value={decision}
            onChange={(e) => setDecision(e.target.value as PoolDecision)}
          >
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {label(m.labels.decision, d)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('effectiveDate')} label={m.pools.effectiveDate} error={errors.effectiveDate}>
          <input
            id={id('effectiveDate')}
            type="date"
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.target.value)}
            {...describedBy(id('effectiveDate'), errors.effectiveDate)}
          />
        </Field>
        <Field id={id('note')} label={m.pools.note} error={errors.note}>
          <input id={id('note')} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {decision === 'PROMOTED' && (
          <>
            <Field id={id('unitId')} label={m.pools.newPostUnit} error={errors.unitId}>
              <select
                id={id('unitId')}
                value={unitId}
                onChange={(e) => setUnitId(e.target.value)}
                {...describedBy(id('unitId'), errors.unitId)}
              >
                <option value="">—</option>
                {(units.data?.units ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('title')} label={m.pools.newPostTitle} error={errors.title}>
              <input
                id={id('title')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                {...describedBy(id('title'), errors.title)}
              />
            </Field>
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {m.pools.recordDecision}
        </button>
        <span role="status" className="form-status">
          {status}
        </span>
      </div>
      {problem && <ErrorBox error={problem} />}
    </form>
  );
}

function MemberCard({ pool, member, onChanged }: { pool: Pool; member: Member; onChanged(): void }) {
  const { m, number, date, locale } = useI18n();
  const send = useRequest();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const live = member.live;
  const remove = async () => {
    try {
      await send(RemoveFromPoolMutation, { poolId: pool.id, cadreId: member.cadreId });
      onChanged();
    } catch (err) {
      if (err instanceof ApiError) setProblem(err);
      else throw err;
    }
  };
  const { cadre, snapshot: s, addedAt } = member;
  if (member.hidden || !cadre || !s || !addedAt) {
    // Outside the jurisdiction: the service shows only that the member exists.
    return (
      <li className="item" data-cadre-id={member.cadreId}>
        <div className="item-head">
          <span className="muted">{m.pools.hiddenMember}</span>
          <button type="button" onClick={() => void remove()}>
            {m.pools.remove}
          </button>
        </div>
        {problem && <ErrorBox error={problem} />}
      </li>
    );
  }
  return (
    <li className="item" data-cadre={cadre.externalId}>
      <div className="item-head">
        <span>
          <Link to={`/cadres/${cadre.id}`}>
            <strong>{cadre.name}</strong>
          </Link>{' '}
          <span className="muted small">
            {cadre.externalId} · {fmt(m.pools.addedAt, { date: date(addedAt.slice(0, 10)) })} ·{' '}
            {member.addedBy}
          </span>
        </span>
        <button type="button" onClick={() => void remove()}>
          {m.pools.remove}
        </button>
      </div>
      {member.note && <p>{member.note}</p>}
      <div className="record-grid compact">
        <div>
          <h4>{m.pools.then}</h4>
          <p className="small">
            {fmt(m.pools.snapshot, { score: number(s.score * 100, 1), version: s.policyVersion })} ·{' '}
            {label(m.labels.readiness, s.readiness)} · {date(s.asOf)}
          </p>
          <ul className="reasons small">
            {s.reasonData.map((r, i) => (
              <li key={i} data-reason={r.code}>
                {renderReason(r, locale, { date })}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{m.pools.now}</h4>
          {live ? (
            <p className="small">
              {fmt(m.candidates.score, { score: number(live.score * 100, 1) })} ·{' '}
              {label(m.labels.readiness, live.readiness)}
              {live.blockers.length > 0 &&
                ` · ${m.candidates.blockers}: ${live.blockers.map((b) => label(m.labels.requirement, b.code)).join('、')}`}
            </p>
          ) : (
            <p className="small muted">{m.pools.noLongerCandidate}</p>
          )}
        </div>
      </div>
      {member.decisions.length > 0 && (
        <ol className="plain-list decisions" aria-label={m.pools.decision}>
          {member.decisions.map((d) => (
            <li key={d.id} className="small">
              <span className={`badge decision-${d.decision.toLowerCase()}`}>
                {label(m.labels.decision, d.decision)}
              </span>{' '}
              {date(d.effectiveDate)} · {d.decidedBy}
              {d.note && ` · ${d.note}`}
            </li>
          ))}
        </ol>
      )}
      <DecisionForm pool={pool} member={member} onSaved={onChanged} />
      {problem && <ErrorBox error={problem} />}
    </li>
  );
}

function PoolDetail({ id }: { id: string }) {
  const { m, date, locale } = useI18n();
  const { asOf } = useAsOf();
  const { session } = useSession();
  const q = useApi(TalentPoolQuery, { id, asOf });
  const [exportError, setExportError] = useState<ApiError | null>(null);
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading />;
  const pool = q.data.talentPool;
  const exportFile = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      await downloadFile(
        session?.token ?? null,
        `/export/talent-pools/${pool.id}.${format}?asOf=${asOf}&locale=${locale}`,
        `${m.pools.title}-${pool.name}-${asOf}.${format}`,
      );
    } catch (err) {
      setExportError(err as ApiError);
    }
  };
  return (
    <div>
      <p>
        <Link to="/pools">← {m.pools.title}</Link>
      </p>
      <h1>{pool.name}</h1>
      <p className="lead">
        {label(m.labels.level, pool.targetLevel)} · {pool.unit.name} · {pool.createdBy} ·{' '}
        {date(pool.createdAt.slice(0, 10))}
      </p>
      <Section
        id="members"
        title={`${m.pools.members} (${pool.members.length})`}
        actions={
          <>
            <button type="button" onClick={() => void exportFile('csv')}>
              {m.pools.export}
            </button>
            <button type="button" onClick={() => void exportFile('xlsx')}>
              {m.pools.exportXlsx}
            </button>
          </>
        }
      >
        {exportError && <ErrorBox error={exportError} />}
        {pool.members.length === 0 ? (
          <p className="muted">{m.pools.noMembers}</p>
        ) : (
          <ul className="cards">
            {pool.members.map((mem) => (
              <MemberCard key={mem.cadreId} pool={pool} member={mem} onChanged={q.reload} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** Talent pools (后备干部名单) of the jurisdiction, and one pool's members with their decisions. */
export function TalentPools({ poolId }: { poolId?: string }) {
  const { m, date } = useI18n();
  const q = useApi(TalentPoolsQuery, poolId ? null : { first: 100 });
  if (poolId) return <PoolDetail id={poolId} />;
  const pools = q.data?.talentPools.edges.map((e) => e.node) ?? [];
  return (
    <div>
      <h1>{m.pools.title}</h1>
      <Section id="pool-create" title={m.pools.create}>
        <CreatePoolForm idPrefix="pools-new" onCreated={(p) => navigate(`/pools/${p.id}`)} />
      </Section>
      <Section id="pool-list" title={m.pools.title}>
        {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
        {!q.data && !q.error && <Loading />}
        {q.data && pools.length === 0 && <p className="muted">{m.pools.empty}</p>}
        {pools.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.pools.name}</th>
                  <th scope="col">{m.pools.targetLevel}</th>
                  <th scope="col">{m.pools.unit}</th>
                  <th scope="col" className="num">
                    {m.pools.members}
                  </th>
                  <th scope="col">{m.pools.created2}</th>
                </tr>
              </thead>
              <tbody>
                {pools.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/pools/${p.id}`}>{p.name}</Link>
                    </td>
                    <td>{label(m.labels.level, p.targetLevel)}</td>
                    <td>{p.unit.name}</td>
                    <td className="num">{p.memberCount}</td>
                    <td>
                      {date(p.createdAt.slice(0, 10))} · {p.createdBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
