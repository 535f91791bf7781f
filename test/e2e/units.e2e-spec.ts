import { createTestApp, ok, TestApp } from '../app-factory';

describe('units', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const CREATE = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code name level kind parentId isGrassroots } }`;

  it('creates a tree and lists children', async () => {
    const city = ok(
      await t.gql(CREATE, { input: { code: 'C1', name: '云岭市', level: 'PREFECTURE', kind: 'GOVERNMENT' } }),
    ).createUnit;
    expect(city).toMatchObject({ code: 'C1', level: 'PREFECTURE', isGrassroots: false, parentId: null });
    const county = ok(
      await t.gql(CREATE, {
        input: { code: 'C1-K1', name: '雪山县', level: 'COUNTY', kind: 'GOVERNMENT', parentId: city.id },
      }),
    ).createUnit;
    expect(county.isGrassroots).toBe(true);
    const kids = ok(
      await t.gql(`query($p: ID) { units(parentId: $p) { code parent { code } } }`, { p: city.id }),
    ).units;
    expect(kids).toEqual([{ code: 'C1-K1', parent: { code: 'C1' } }]);
  });

  it('rejects a duplicate code with CONFLICT on the code field and writes nothing', async () => {
    const before = await t.ds.query('SELECT count(*)::int AS n FROM unit');
    const res = await t.gql(CREATE, {
      input: { code: 'C1', name: 'dup', level: 'COUNTY', kind: 'GOVERNMENT' },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(await t.ds.query('SELECT count(*)::int AS n FROM unit')).toEqual(before);
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const res = await t.gql(`{ units { id } }`, {}, null);
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
