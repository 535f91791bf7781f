import { bad, number, object } from './params';
import { TeamRule } from './rule';

/** The age bands are whole ages, strictly increasing. */
function checkParams(params: Record<string, unknown>, field: string, levels: ReadonlySet<string>): void {
  const share = number(params.minGrassrootsShare, `${field}.minGrassrootsShare`);
  if (share > 1) bad(`${field}.minGrassrootsShare`, `${field}.minGrassrootsShare is a share from 0 to 1.`);
  const ages = object(params.youngMaxAgeByLevel, `${field}.youngMaxAgeByLevel`);
  for (const [level, age] of Object.entries(ages)) {
    if (!levels.has(level))
      bad(`${field}.youngMaxAgeByLevel.${level}`, `"${level}" is not a known level code.`);
    number(age, `${field}.youngMaxAgeByLevel.${level}`, true);
  }
  if (!Array.isArray(params.ageBands) || params.ageBands.length === 0) {
    bad(`${field}.ageBands`, `${field}.ageBands must be a non-empty list of ages.`);
  }
  (params.ageBands as unknown[]).forEach((age, i, all) => {
    number(age, `${field}.ageBands[${i}]`, true);
    if (i > 0 && (age as number) <= (all[i - 1] as number)) {
      bad(`${field}.ageBands[${i}]`, `${field}.ageBands must increase.`);
    }
  });
}

/**
 * TEAM_STRUCTURE: the targets a unit's leadership team is judged by (women, young cadres by level, grassroots
 * experience) and the age bands it is counted in. Read by teamStructure, teamStructures and youngCadres.
 */
export const teamStructureRule: TeamRule<'TEAM_STRUCTURE'> = {
  id: 'TEAM_STRUCTURE',
  kind: 'team',
  params: { counts: ['minWomen', 'minYoung'], check: checkParams },
  readBy: ['teamStructure', 'teamStructures', 'youngCadres'],
};
