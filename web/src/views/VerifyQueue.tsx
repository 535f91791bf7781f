import { useState } from 'react';
import { ApiError } from '../api/client';
import { AchievementsToVerifyQuery, VerifyAchievementMutation } from '../api/operations';
import { useApi, useRequest } from '../api/use-api';
import { AchievementItem } from '../components/Achievements';
import { describedBy, ErrorBox, Field, Loading, ConnectionPager, Section } from '../components/common';
import { UnitSelect } from '../components/UnitSelect';
import { usePages } from '../components/use-pages';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

const PAGE = 10;

/** Verify or reject one claim, with a note (required to reject). */
function Decide({ id, title, onDone }: { id: string; title: string; onDone(message: string): void }) {
  const { m } = useI18n();
  const send = useRequest();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'VERIFIED' | 'REJECTED') => {
    setProblem(null);
    if (decision === 'REJECTED' && !note.trim()) return setError(m.verify.noteRequired);
    setError('');
    setBusy(true);
    try {
      await send(VerifyAchievementMutation, { id, decision, note: note.trim() || null });
      onDone(fmt(m.verify.done, { decision: label(m.labels.verification, decision), title }));
    } catch (err) {
      if (err instanceof ApiError) setProblem(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const noteId = `verify-note-${id}`;
  return (
    <div className="decide" role="group" aria-label={fmt(m.verify.done, { decision: m.verify.title, title })}>
      <Field id={noteId} label={m.verify.note} error={error}>
        <textarea
          id={noteId}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...describedBy(noteId, error)}
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void decide('VERIFIED')}>
          {m.verify.verify}
        </button>
        <button type="button" disabled={busy} onClick={() => void decide('REJECTED')}>
          {m.verify.reject}
        </button>
      </div>
      {problem && <ErrorBox error={problem} />}
    </div>
  );
}

/** The department's queue of claimed achievements, oldest claim first. */
export function VerifyQueue() {
  const { m } = useI18n();
  const [unitId, setUnitId] = useState('');
  const [status, setStatus] = useState('');
  const pages = usePages(unitId);
  const q = useApi(AchievementsToVerifyQuery, { unitId: unitId || null, first: PAGE, after: pages.after });
  const list = q.data?.achievementsToVerify;
  const done = (message: string) => {
    setStatus(message);
    q.reload();
  };
  return (
    <div>
      <h1>{m.verify.title}</h1>
      <p className="muted">{m.verify.intro}</p>
      <div className="card toolbar">
        <UnitSelect id="verify-unit" label={m.dashboard.unit} value={unitId} onChange={setUnitId} />
      </div>
      <p role="status" className="form-status">
        {status}
      </p>
      {q.error && <ErrorBox error={q.error} onRetry={q.reload} />}
      {!list && !q.error && <Loading />}
      {list && (
        <Section id="verify" title={fmt(m.verify.total, { n: list.totalCount })}>
          {list.edges.length === 0 ? (
            <p className="muted">{m.verify.empty}</p>
          ) : (
            <ul className="cards" aria-busy={q.loading}>
              {list.edges.map(({ node: a }) => (
                <AchievementItem key={a.id} a={a} domains={q.data?.specialtyDomains ?? []}>
                  <p className="small">
                    {m.verify.claimant}: <Link to={`/cadres/${a.cadre.id}`}>{a.cadre.name}</Link>{' '}
                    <span className="muted">{a.cadre.externalId}</span>
                  </p>
                  <Decide id={a.id} title={a.title} onDone={done} />
                </AchievementItem>
              ))}
            </ul>
          )}
          <ConnectionPager pages={pages} pageInfo={list.pageInfo} />
        </Section>
      )}
    </div>
  );
}
