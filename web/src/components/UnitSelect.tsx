import { RootUnitsQuery, UnitChildrenQuery, WhoAmIUnitQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/**
 * The jurisdiction and the units directly beneath it: an organisation department's own unit (from its
 * token) or, for an administrator, the root units. '' means the whole jurisdiction.
 */
export function UnitSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
}) {
  const { m } = useI18n();
  const { session } = useSession();
  const root = session?.claims.role === 'ORG_DEPT' ? (session.claims.unitId ?? null) : null;
  const rootUnit = useApi(WhoAmIUnitQuery, root ? { id: root } : null);
  const children = useApi(UnitChildrenQuery, root ? { parentId: root } : null);
  const roots = useApi(RootUnitsQuery, root ? null : {});
  const options = root
    ? [...(rootUnit.data ? [rootUnit.data.unit] : []), ...(children.data?.units ?? [])]
    : (roots.data?.units ?? []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{m.dashboard.allUnits}</option>
        {options.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </div>
  );
}
