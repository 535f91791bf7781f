import { useState } from 'react';
import { UnitChildrenQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** One level of the unit tree: the children of `parentId`, and beneath the chosen one its own children. */
function Level({
  id,
  parentId,
  chain,
  depth,
  onPick,
  describedBy,
}: {
  id: string;
  parentId: string | null;
  chain: string[];
  depth: number;
  onPick(chain: string[]): void;
  describedBy: Record<string, unknown>;
}) {
  const { m } = useI18n();
  const q = useApi(UnitChildrenQuery, { parentId });
  const units = q.data?.units ?? [];
  if (q.data && units.length === 0) return null;
  const chosen = chain[depth] ?? '';
  return (
    <>
      <select
        id={depth === 0 ? id : `${id}-${depth}`}
        aria-label={depth === 0 ? undefined : m.units.beneath}
        value={chosen}
        onChange={(e) => onPick([...chain.slice(0, depth), ...(e.target.value ? [e.target.value] : [])])}
        {...(depth === 0 ? describedBy : {})}
      >
        <option value="">—</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {chosen && (
        <Level
          id={id}
          parentId={chosen}
          chain={chain}
          depth={depth + 1}
          onPick={onPick}
          describedBy={describedBy}
        />
      )}
    </>
  );
}

/**
 * Picks a unit anywhere in the caller's jurisdiction, one level at a time (a department's own unit, then what is
 * beneath it); `current` names the unit already recorded, kept until another is picked.
 */
export function UnitCascade({
  id,
  onChange,
  current,
  describedBy,
}: {
  id: string;
  onChange(unitId: string): void;
  current?: string;
  describedBy: Record<string, unknown>;
}) {
  const { session } = useSession();
  const root = session?.claims.role === 'ORG_DEPT' ? (session.claims.unitId ?? null) : null;
  const [chain, setChain] = useState<string[]>(root ? [root] : []);
  const pick = (next: string[]) => {
    const full = root ? [root, ...next] : next;
    setChain(full);
    onChange(full.at(-1) ?? '');
  };
  return (
    <div className="unit-cascade">
      {current && chain.length <= (root ? 1 : 0) && <p className="hint">{current}</p>}
      <Level
        id={id}
        parentId={root}
        chain={root ? chain.slice(1) : chain}
        depth={0}
        onPick={pick}
        describedBy={describedBy}
      />
    </div>
  );
}
