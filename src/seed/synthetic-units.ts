import { placeStem } from './names';
import { Prng } from './prng';
import { CountyArea, PrefectureArea, UnitCatalog, UnitTree } from './units';

const PROVINCE_DEPTS = [
  '交通运输厅',
  '文化和旅游厅',
  '教育厅',
  '农业农村厅',
  '水利厅',
  '应急管理厅',
  '卫生健康委员会',
  '人力资源和社会保障厅',
];
const PREF_BUREAUS = [
  '交通运输局',
  '文化和旅游局',
  '教育体育局',
  '农业农村局',
  '水务局',
  '应急管理局',
  '商务局',
  '生态环境局',
];
const COUNTY_DEPTS = ['农业农村局', '教育体育局', '文化和旅游局', '交通运输局', '应急管理局'];
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A synthetic province (codes SYN-…): 16 prefectures of 6–10 counties (about 130), each county with 9–14
 * townships (about 1,500) and villages under about a third of the townships.
 */
export function buildSyntheticUnits(rng: Prng): UnitCatalog {
  const tree = new UnitTree();
  const gov = tree.add(
    { code: 'SYN', name: '云川省人民政府', level: 'PROVINCE', kind: 'GOVERNMENT', role: 'PROVINCE_GOV' },
    null,
  );
  tree.add(
    {
      code: 'SYN-SW',
      name: '中共云川省委员会',
      level: 'PROVINCE',
      kind: 'PARTY_COMMITTEE',
      role: 'PROVINCE_PARTY',
    },
    gov,
  );
  const provinceDepts = PROVINCE_DEPTS.map((d, i) =>
    tree.add(
      {
        code: `SYN-D${pad(i + 1)}`,
        name: `云川省${d}`,
        level: 'PROVINCE',
        kind: 'GOVERNMENT',
        role: 'PROVINCE_DEPT',
      },
      gov,
    ),
  );
  const prefectures: PrefectureArea[] = [];
  for (let p = 1; p <= 16; p++) {
    const code = `SYN-P${pad(p)}`;
    const name = `${placeStem(rng)}市`;
    const pgov = tree.add(
      {
        code,
        name: `${name}人民政府`,
        level: 'PREFECTURE',
        kind: 'GOVERNMENT',
        role: 'PREF_GOV',
        word: '市',
      },
      gov,
    );
    const party = tree.add(
      {
        code: `${code}-SW`,
        name: `中共${name}委员会`,
        level: 'PREFECTURE',
        kind: 'PARTY_COMMITTEE',
        role: 'PREF_PARTY',
        word: '市',
      },
      pgov,
    );
    const bureaus = PREF_BUREAUS.slice(0, rng.int(5, PREF_BUREAUS.length)).map((b, i) =>
      tree.add(
        {
          code: `${code}-B${pad(i + 1)}`,
          name: `${name}${b}`,
          level: 'PREFECTURE',
          kind: 'GOVERNMENT',
          role: 'PREF_BUREAU',
        },
        pgov,
      ),
    );
    const counties: CountyArea[] = [];
    const nCounties = rng.int(6, 10);
    for (let c = 1; c <= nCounties; c++) {
      const ccode = `${code}-C${pad(c)}`;
      const word = rng.weighted([
        ['县', 80],
        ['区', 15],
        ['市', 5],
      ] as const);
      const cname = `${placeStem(rng)}${word}`;
      const cgov = tree.add(
        {
          code: ccode,
          name: `${cname}人民政府`,
          level: 'COUNTY',
          kind: 'GOVERNMENT',
          role: 'COUNTY_GOV',
          word,
        },
        pgov,
      );
      const cparty = tree.add(
        {
          code: `${ccode}-XW`,
          name: `中共${cname}委员会`,
          level: 'COUNTY',
          kind: 'PARTY_COMMITTEE',
          role: 'COUNTY_PARTY',
          word,
        },
        cgov,
      );
      const depts = COUNTY_DEPTS.slice(0, rng.int(3, COUNTY_DEPTS.length)).map((d, i) =>
        tree.add(
          {
            code: `${ccode}-D${pad(i + 1)}`,
            name: `${cname}${d}`,
            level: 'COUNTY',
            kind: 'GOVERNMENT',
            role: 'COUNTY_DEPT',
          },
          cgov,
        ),
      );
      const townships = [];
      const villages = [];
      const nTownships = rng.int(9, 14);
      for (let t = 1; t <= nTownships; t++) {
        const tword = word === '区' && rng.chance(0.6) ? '街道' : rng.chance(0.55) ? '镇' : '乡';
        const tname = `${placeStem(rng)}${tword}`;
        const town = tree.add(
          {
            code: `${ccode}-T${pad(t)}`,
            name: tword === '街道' ? `${cname}${tname}办事处` : `${cname}${tname}人民政府`,
            level: 'TOWNSHIP',
            kind: 'GOVERNMENT',
            role: 'TOWNSHIP',
            word: tword,
          },
          cgov,
        );
        townships.push(town);
        if (!rng.chance(0.3)) continue;
        const nVillages = rng.int(4, 8);
        for (let v = 1; v <= nVillages; v++) {
          const community = tword === '街道';
          villages.push(
            tree.add(
              {
                code: `${ccode}-T${pad(t)}-V${pad(v)}`,
                name: `${placeStem(rng)}${community ? '社区居民委员会' : '村村民委员会'}`,
                level: 'VILLAGE',
                kind: community ? 'COMMUNITY_COMMITTEE' : 'VILLAGE_COMMITTEE',
                role: 'VILLAGE',
              },
              town,
            ),
          );
        }
      }
      counties.push({ name: cname, gov: cgov, party: cparty, depts, townships, villages });
    }
    prefectures.push({ name, gov: pgov, party, bureaus, counties });
  }
  return { units: tree.units, provinceDepts, prefectures };
}
