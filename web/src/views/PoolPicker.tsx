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
export interface Picked {
  cadreId: string;
  name: string;
}

/**
 * The page's one add-to-pool control: the cadres picked on the cards go into one talent pool with one note; the
 * pool keeps each one's candidate snapshot of the day. Who could not be added is named with the reason.
 */
export function PoolPicker({
  picked,
  targetLevel,
  pools,
  onAdded,
}: {
  picked: Picked[];
  targetLevel: string | null;
  pools: PoolOption[];
  onAdded(added: string[]): void;
}) {
  const { m } = useI18n();
  const { asOf } = useAsOf();
  const send = useRequest();
  const sorted = [...pools].sort(
    (a, b) => Number(b.targetLevel === targetLevel) - Number(a.targetLevel === targetLevel),
  );
  const [poolId, setPoolId] = useState('');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<{ pool: PoolOption; n: number } | null>(null);
  const [errors, setErrors] = useState<{ name: string; error: ApiError }[]>([]);
  const [busy, setBusy] = useState(false);
  const chosen = poolId || sorted[0]?.id || '';
  if (pools.length === 0) return null;

  const add = async () => {
    setErrors([]);
    setAdded(null);
    setBusy(true);
    const ok: string[] = [];
    const failed: { name: string; error: ApiError }[] = [];
    // One after another: a pool takes a handful at a time, and each refusal is told by name.
    for (const p of picked) {
      try {
        await send(AddToPoolMutation, {
          input: { poolId: chosen, cadreId: p.cadreId, note: note.trim() || null, asOf },
        });
        ok.push(p.cadreId);
      } catch (err) {
        if (err instanceof ApiError) failed.push({ name: p.name, error: err });
        else throw err;
      }
    }
    setBusy(false);
    setErrors(failed);
    const pool = pools.find((p) => p.id === chosen);
    if (ok.length && pool) {
      setAdded({ pool, n: ok.length });
      setNote('');
    }
    onAdded(ok);
  };
  return (
    <div className="pool-actions card" role="group" aria-label={m.candidates.addToPool}>
      <p className="small" data-testid="picked">
        {picked.length
          ? fmt(m.candidates.picked, { n: picked.length, names: picked.map((p) => p.name).join('、') })
          : m.candidates.pickHint}
      </p>
      <div className="field">
        <label htmlFor="pool-pool">{m.candidates.pool}</label>
        <select id="pool-pool" value={chosen} onChange={(e) => setPoolId(e.target.value)}>
          {sorted.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({label(m.labels.level, p.targetLevel)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="pool-note">{m.candidates.note}</label>
        <input id="pool-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button
        type="button"
        className="primary"
        onClick={() => void add()}
        disabled={busy || !chosen || picked.length === 0}
      >
        {picked.length ? fmt(m.candidates.addPicked, { n: picked.length }) : m.candidates.addToPool}
      </button>
      <span role="status" className="form-status">
        {added && (
          <Link to={`/pools/${added.pool.id}`}>
            {fmt(m.candidates.added, { pool: added.pool.name, n: added.n })}
          </Link>
        )}
      </span>
      {errors.map((e) => (
        <div key={e.name}>
          <p className="small">{e.name}</p>
          <ErrorBox error={e.error} />
        </div>
      ))}
    </div>
  );
}
