import { useState } from 'react';
import { ApiError } from '../api/client';
import { AddToPoolMutation } from '../api/operations';
import { useRequest } from '../api/use-api';
import { useAsOf } from '../as-of';
import { ErrorBox } from '../components/common';
import type { TalentPoolsQuery } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';

export type PoolOption = TalentPoolsQuery['talentPools']['edges'][number]['node'];

/** Adds a candidate to a talent pool, with a note on why; the pool keeps today's candidate snapshot. */
export function PoolPicker({
  cadreId,
  cadreName,
  targetLevel,
  pools,
  onAdded,
}: {
  cadreId: string;
  cadreName: string;
  targetLevel: string | null;
  pools: PoolOption[];
  onAdded(): void;
}) {
  const { m } = useI18n();
  const { asOf } = useAsOf();
  const send = useRequest();
  const sorted = [...pools].sort(
    (a, b) => Number(b.targetLevel === targetLevel) - Number(a.targetLevel === targetLevel),
  );
  const [poolId, setPoolId] = useState('');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<PoolOption | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = poolId || sorted[0]?.id || '';
  if (pools.length === 0) return null;

  const add = async () => {
    setError(null);
    setBusy(true);
    try {
      await send(AddToPoolMutation, { input: { poolId: chosen, cadreId, note: note.trim() || null, asOf } });
      setAdded(pools.find((p) => p.id === chosen) ?? null);
      setNote('');
      onAdded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const id = (f: string) => `pool-${f}-${cadreId}`;
  return (
    <div className="pool-actions" role="group" aria-label={`${m.candidates.addToPool}: ${cadreName}`}>
      <div className="field">
        <label htmlFor={id('pool')}>{m.candidates.pool}</label>
        <select id={id('pool')} value={chosen} onChange={(e) => setPoolId(e.target.value)}>
          {sorted.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({label(m.labels.level, p.targetLevel)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('note')}>{m.candidates.note}</label>
        <input id={id('note')} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" onClick={() => void add()} disabled={busy || !chosen}>
        {m.candidates.addToPool}
      </button>
      <span role="status" className="form-status">
        {added && <Link to={`/pools/${added.id}`}>{fmt(m.candidates.added, { pool: added.name })}</Link>}
      </span>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
