import { SeedUnit } from './units';
import { Level, RANK_TITLE, Rank } from './vocabulary';

const isRank = (level: Level): level is Rank => level in RANK_TITLE;

/** 局 heads are 局长; commissions and offices have a 主任. */
const deptHead = (unit: SeedUnit): string => (unit.name.endsWith('局') ? '局长' : '主任');

/** A post title such as 副县长 or 党委书记 for a level in a unit; `variant` picks among equivalent posts. */
export function postTitle(level: Level, unit: SeedUnit, variant: number): string {
  if (isRank(level)) return RANK_TITLE[level];
  const w = unit.word;
  const street = w === '街道';
  const v = (options: string[]): string => options[variant % options.length];
  switch (level) {
    case 'TOWNSHIP_DEPUTY':
      if (unit.role === 'TOWNSHIP')
        return street
          ? v(['街道办事处副主任', '党工委副书记'])
          : v([`副${w}长`, '党委副书记', `党委委员、副${w}长`]);
      if (unit.role === 'COUNTY_GOV' || unit.role === 'COUNTY_PARTY') return '办公室副主任';
      return `副${deptHead(unit)}`;
    case 'TOWNSHIP_CHIEF':
      if (unit.role === 'TOWNSHIP')
        return street ? v(['街道办事处主任', '党工委书记']) : v([`${w}长`, '党委书记']);
      if (unit.role === 'COUNTY_GOV' || unit.role === 'COUNTY_PARTY') return '办公室主任';
      return deptHead(unit);
    case 'COUNTY_DEPUTY':
      if (unit.role === 'COUNTY_GOV') return `副${w}长`;
      if (unit.role === 'COUNTY_PARTY') return v([`${w}委常委`, `${w}委副书记`]);
      return `副${deptHead(unit)}`;
    case 'COUNTY_CHIEF':
      if (unit.role === 'COUNTY_GOV') return `${w}长`;
      if (unit.role === 'COUNTY_PARTY') return `${w}委书记`;
      return deptHead(unit);
    case 'BUREAU_DEPUTY':
      if (unit.role === 'PREF_GOV') return '副市长';
      if (unit.role === 'PREF_PARTY') return '市委常委';
      return '副厅长';
    case 'BUREAU_CHIEF':
      if (unit.role === 'PREF_GOV') return '市长';
      if (unit.role === 'PREF_PARTY') return '市委书记';
      return '厅长';
  }
}
