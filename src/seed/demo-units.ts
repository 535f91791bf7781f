import { CountyArea, PrefectureArea, SeedUnit, UnitCatalog, UnitTree } from './units';

/**
 * 云岭市 (code YL), a fictional prefecture-level city, with fixed unit codes:
 *   YL         云岭市人民政府 (PREFECTURE, GOVERNMENT; root)
 *   YL-SW      中共云岭市委员会; YL-ZZB 中共云岭市委组织部
 *   YL-JTJ     云岭市交通运输局 (example case 4); YL-WLJ 文化和旅游局; YL-JYJ 教育体育局; YL-NYJ 农业农村局; YL-YJJ 应急管理局
 *   YL-XS      雪山县人民政府 (remote county; case 1), YL-HX 禾溪县, YL-BM 白马县, YL-QH 青河区 (urban district)
 *   YL-<c>-XW  the county's Party committee; YL-<c>-WLJ / -JYJ / -NYJ county bureaus (YL-QH-JYJ: case 6)
 *   YL-<c>-T01… townships and sub-districts, YL-<c>-T01-V01… villages and communities
 *   Cases: 2 in YL-HX-T02 then YL-HX-T04, 3 in YL-BM-T01, 5 in YL-XS-T02.
 */
const COUNTIES: readonly { code: string; name: string; word: string; townships: readonly string[] }[] = [
  { code: 'YL-XS', name: '雪山县', word: '县', townships: ['雪峰镇', '冰湖乡', '牧云乡', '红石乡'] },
  {
    code: 'YL-HX',
    name: '禾溪县',
    word: '县',
    townships: ['禾溪镇', '稻香镇', '桃源乡', '金沙镇', '石门乡'],
  },
  { code: 'YL-BM', name: '白马县', word: '县', townships: ['白马镇', '龙泉镇', '松林乡', '清水乡'] },
  { code: 'YL-QH', name: '青河区', word: '区', townships: ['青河街道', '滨江街道', '新城街道'] },
];
const CITY_BUREAUS = [
  ['YL-JTJ', '云岭市交通运输局'],
  ['YL-WLJ', '云岭市文化和旅游局'],
  ['YL-JYJ', '云岭市教育体育局'],
  ['YL-NYJ', '云岭市农业农村局'],
  ['YL-YJJ', '云岭市应急管理局'],
] as const;
const COUNTY_BUREAUS = [
  ['WLJ', '文化和旅游局'],
  ['JYJ', '教育局'],
  ['NYJ', '农业农村局'],
] as const;
const VILLAGES = ['村', '村', '村'];

export function buildDemoUnits(): { catalog: UnitCatalog; byCode: Map<string, SeedUnit> } {
  const tree = new UnitTree();
  const gov = tree.add(
    {
      code: 'YL',
      name: '云岭市人民政府',
      level: 'PREFECTURE',
      kind: 'GOVERNMENT',
      role: 'PREF_GOV',
      word: '市',
    },
    null,
  );
  const party = tree.add(
    {
      code: 'YL-SW',
      name: '中共云岭市委员会',
      level: 'PREFECTURE',
      kind: 'PARTY_COMMITTEE',
      role: 'PREF_PARTY',
      word: '市',
    },
    gov,
  );
  tree.add(
    {
      code: 'YL-ZZB',
      name: '中共云岭市委组织部',
      level: 'PREFECTURE',
      kind: 'PARTY_COMMITTEE',
      role: 'PREF_BUREAU',
    },
    party,
  );
  const bureaus = CITY_BUREAUS.map(([code, name]) =>
    tree.add({ code, name, level: 'PREFECTURE', kind: 'GOVERNMENT', role: 'PREF_BUREAU' }, gov),
  );
  const counties: CountyArea[] = COUNTIES.map((c) => {
    const cgov = tree.add(
      {
        code: c.code,
        name: `${c.name}人民政府`,
        level: 'COUNTY',
        kind: 'GOVERNMENT',
        role: 'COUNTY_GOV',
        word: c.word,
      },
      gov,
    );
    const cparty = tree.add(
      {
        code: `${c.code}-XW`,
        name: `中共${c.name}委员会`,
        level: 'COUNTY',
        kind: 'PARTY_COMMITTEE',
        role: 'COUNTY_PARTY',
        word: c.word,
      },
      cgov,
    );
    const depts = COUNTY_BUREAUS.map(([suffix, name]) =>
      tree.add(
        {
          code: `${c.code}-${suffix}`,
          name: `${c.name}${name}`,
          level: 'COUNTY',
          kind: 'GOVERNMENT',
          role: 'COUNTY_DEPT',
        },
        cgov,
      ),
    );
    const townships: SeedUnit[] = [];
    const villages: SeedUnit[] = [];
    c.townships.forEach((t, i) => {
      const street = t.endsWith('街道');
      const code = `${c.code}-T${String(i + 1).padStart(2, '0')}`;
      const word = street ? '街道' : t.slice(-1);
      const name = street ? `${c.name}${t}办事处` : `${c.name}${t}人民政府`;
      const town = tree.add(
        { code, name, level: 'TOWNSHIP', kind: 'GOVERNMENT', role: 'TOWNSHIP', word },
        cgov,
      );
      townships.push(town);
      const stem = t.slice(0, 2);
      VILLAGES.forEach((_, v) => {
        const vname = street
          ? `${stem}第${v + 1}社区居民委员会`
          : `${stem}${['上', '中', '下'][v]}村村民委员会`;
        villages.push(
          tree.add(
            {
              code: `${code}-V${String(v + 1).padStart(2, '0')}`,
              name: vname,
              level: 'VILLAGE',
              kind: street ? 'COMMUNITY_COMMITTEE' : 'VILLAGE_COMMITTEE',
              role: 'VILLAGE',
            },
            town,
          ),
        );
      });
    });
    return { name: c.name, gov: cgov, party: cparty, depts, townships, villages };
  });
  const prefecture: PrefectureArea = { name: '云岭市', gov, party, bureaus, counties };
  return {
    catalog: { units: tree.units, provinceDepts: [], prefectures: [prefecture] },
    byCode: new Map(tree.units.map((u) => [u.code, u])),
  };
}
