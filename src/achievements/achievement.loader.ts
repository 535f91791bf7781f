import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { Achievement, MeasuredImpact } from './achievement.model';
import { BetterWhen } from './achievement.entity';
import { improvementPercent } from './impact';

// Plain rows in the GraphQL type's shape, with their impacts in position order as one JSON column (numeric
// values come out as JSON numbers, the same as Number() of their text); TypeORM's relation query and entity
// hydration cost more Node time than the statement (npm run bench).
const SQL = `
SELECT a.id, a.cadre_id AS "cadreId", a.title, a.description, a.achieved_on AS "achievedOn", a.domain,
       a.recognition_level AS "recognitionLevel", a.verification_status AS "verificationStatus",
       a.verified_by AS "verifiedBy", a.verified_at AS "verifiedAt", a.verification_note AS "verificationNote",
       (SELECT coalesce(json_agg(json_build_object('indicator', i.indicator, 'baseline', i.baseline,
                 'result', i.result, 'unit', i.unit, 'betterWhen', i.better_when) ORDER BY i.position), '[]')
          FROM achievement_impact i WHERE i.achievement_id = a.id) AS impacts
  FROM achievement a WHERE a.cadre_id = ANY($1::uuid[]) ORDER BY a.achieved_on, a.id`;

type ImpactRow = Omit<MeasuredImpact, 'improvementPercent'> & { betterWhen: BetterWhen };

export function createAchievementsByCadreLoader(ds: DataSource): DataLoader<string, Achievement[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: (Omit<Achievement, 'impacts'> & { impacts: ImpactRow[] })[] = await ds.query(SQL, [
      [...cadreIds],
    ]);
    const achievements = rows.map((r): Achievement => ({
      ...r,
      impacts: r.impacts.map((i) => ({
        ...i,
        improvementPercent: improvementPercent(i.baseline, i.result, i.betterWhen),
      })),
    }));
    return groupBy(cadreIds, achievements, (r) => r.cadreId);
  });
}
