import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { GRASSROOTS_UNIT_LEVELS, UnitLevel } from '../units/unit.entity';
import { Unit } from '../units/unit.model';
import { Posting } from './posting.model';

// Plain rows in the GraphQL type's shape, served as they are: on a 50-cadre page TypeORM's entity hydration
// cost about twice the Node time of the query itself, and copying each row into a Posting (or parsing the
// timestamps nothing shows) was a further allocation per posting (npm run bench). Each posting's unit comes
// in the same statement, made once per unit and put in the unit loader, so Posting.unit answers at once
// instead of with a promise per posting and a statement more.
const SQL = `
SELECT p.id, p.cadre_id AS "cadreId", p.unit_id AS "unitId", p.title, p.level, p.kind, p.start_date AS "startDate",
       p.end_date AS "endDate", p.source, p.external_id AS "externalId",
       u.code AS "unitCode", u.name AS "unitName", u.level AS "unitLevel", u.kind AS "unitKind",
       u.parent_id AS "unitParentId", u.area_name AS "unitAreaName", u.source AS "unitSource"
  FROM posting p
  -- One index lookup per posting: as a plain join PostgreSQL hashes the whole unit table (5,633 rows) for a
  -- page's 250 postings, 2 ms instead of 0.5; OFFSET 0 keeps the subquery from being flattened into one.
  LEFT JOIN LATERAL (SELECT u.code, u.name, u.level, u.kind, u.parent_id, u.area_name, u.source FROM unit u WHERE u.id = p.unit_id OFFSET 0) u
    ON true
 WHERE p.cadre_id = ANY($1::uuid[]) ORDER BY p.start_date, p.id`;

type Row = Posting & {
  unitCode: string | null;
  unitName: string;
  unitLevel: UnitLevel;
  unitKind: Unit['kind'];
  unitParentId: string | null;
  unitAreaName: string | null;
  unitSource: string | null;
};

/** All postings of each cadre, oldest first; their units go to `units` as well. */
export function createPostingsByCadreLoader(
  ds: DataSource,
  units: DataLoader<string, Unit | null>,
): DataLoader<string, Posting[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: Row[] = await ds.query(SQL, [[...cadreIds]]);
    const seen = new Map<string, Unit>();
    for (const r of rows) {
      if (r.unitCode === null) continue; // no such unit: Posting.unit asks the unit loader, which says so
      let unit = seen.get(r.unitId);
      if (!unit) {
        unit = {
          id: r.unitId,
          code: r.unitCode,
          name: r.unitName,
          level: r.unitLevel,
          kind: r.unitKind,
          parentId: r.unitParentId,
          areaName: r.unitAreaName,
          source: r.unitSource,
          isGrassroots: GRASSROOTS_UNIT_LEVELS.includes(r.unitLevel),
        };
        seen.set(r.unitId, unit);
        units.prime(r.unitId, unit);
      }
      r.unit = unit;
    }
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
