import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/caller';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { RULE_TEXTS } from '../../src/policy/rule-texts';
import { PolicyDocument } from '../../src/policy/policy.types';
import { createTestApp, ok, TestApp } from '../app-factory';
import { tableFingerprint } from '../factories';

const READ = `query($asOf: Date) {
  policy(asOf: $asOf) { version effectiveFrom publishedAt note
    ladders { id name steps { from to minYears } } rules { id sentence source params } rankingWeights } }`;
const PUBLISH = `mutation($input: PublishPolicyInput!) {
  publishPolicy(input: $input) { version effectiveFrom note rules { id params } } }`;

const copy = (): PolicyDocument => JSON.parse(JSON.stringify(DEFAULT_POLICY)) as PolicyDocument;

describe('policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function rejects(document: unknown, code: string, field: string, effectiveFrom = '2090-01-01') {
    const before = await tableFingerprint(t.ds, 'policy_version');
    const res = await t.gql(PUBLISH, { input: { effectiveFrom, document } });
    expect(res.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await tableFingerprint(t.ds, 'policy_version')).toEqual(before);
    return res.errors?.[0].message ?? '';
  }

  it('reads version 1, the national defaults with their sources, for any date', async () => {
    const p = ok(await t.gql(READ, { asOf: '2026-11-27' })).policy;
    expect(p).toMatchObject({ version: 1, effectiveFrom: '1900-01-01' });
    expect(p.ladders.map((l: { id: string }) => l.id)).toEqual(['LEADERSHIP', 'RANK']);
    expect(p.rules).toHaveLength(Object.keys(DEFAULT_POLICY.rules).length);
    expect(p.rules.find((r: { id: string }) => r.id === 'POST_LIMIT_SAME_POST')).toEqual({
      id: 'POST_LIMIT_SAME_POST',
      // In the reader's locale (Chinese by default); the citation's line for the source.
      sentence: RULE_TEXTS.POST_LIMIT_SAME_POST.sentences['zh-CN'],
      source:
        '《党政领导干部交流工作规定》（2006）第五条；《党政领导干部选拔任用工作条例》（2014）第五十四条；全国规定的默认值',
      params: {
        years: 10,
        mustRotateUnitKinds: ['PARTY_COMMITTEE', 'GOVERNMENT'],
        mustRotateUnitLevels: ['COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'],
      },
    });
    expect(p.rankingWeights).toEqual(DEFAULT_POLICY.rankingWeights);
  });

  it('lets a cadre read the policy, but only an admin publish', async () => {
    const cadre = t.token({ role: Role.CADRE, cadreId: randomUUID() });
    expect(ok(await t.gql(READ, { asOf: '2026-01-01' }, cadre)).policy.version).toBe(1);
    const res = await t.gql(PUBLISH, { input: { effectiveFrom: '2090-01-01', document: copy() } }, cadre);
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each<[string, (d: PolicyDocument & Record<string, unknown>) => void, string]>([
    [
      'negative years',
      (d) => (d.rules.POST_LIMIT_SAME_POST.params.years = -1),
      'document.rules.POST_LIMIT_SAME_POST.params.years',
    ],
    [
      'non-numeric hours',
      (d) => ((d.rules.TRAINING_ANNUAL.params as unknown as Record<string, unknown>).hours = 'ninety'),
      'document.rules.TRAINING_ANNUAL.params.hours',
    ],
    [
      'fractional months',
      (d) => (d.rules.WARNING_WINDOW.params.months = 1.5),
      'document.rules.WARNING_WINDOW.params.months',
    ],
    [
      'negative step years',
      (d) => (d.ladders[0].steps[0].minYears = -2),
      'document.ladders[0].steps[0].minYears',
    ],
    [
      'a ladder with a cycle',
      (d) => d.ladders[0].steps.push({ from: 'BUREAU_CHIEF', to: 'TOWNSHIP_DEPUTY', minYears: 1 }),
      'document.ladders[0].steps',
    ],
    [
      'a level with two next steps',
      (d) => d.ladders[0].steps.push({ from: 'TOWNSHIP_DEPUTY', to: 'COUNTY_DEPUTY', minYears: 1 }),
      'document.ladders[0].steps[5].from',
    ],
    [
      'an unknown level code in a ladder',
      (d) => (d.ladders[1].steps[0].to = 'CLERK_9'),
      'document.ladders[1].steps[0].to',
    ],
    [
      'an unknown level code in a rule',
      (d) => d.rules.TRAINING_5Y.params.appliesToLevels.push('MAYOR'),
      'document.rules.TRAINING_5Y.params.appliesToLevels[10]',
    ],
    [
      'an unknown rule id',
      (d) => ((d.rules as unknown as Record<string, unknown>).NAP_TIME = { id: 'NAP_TIME' }),
      'document.rules.NAP_TIME',
    ],
    [
      'a missing rule',
      (d) => delete (d.rules as unknown as Record<string, unknown>).SPECIALIST,
      'document.rules.SPECIALIST',
    ],
    ['a missing source', (d) => (d.rules.SPECIALIST.source = ' '), 'document.rules.SPECIALIST.source'],
    ['no ladders', (d) => (d.ladders = []), 'document.ladders'],
    [
      'an unknown unit kind in a must-rotate scope',
      (d) => d.rules.POST_LIMIT_SAME_POST.params.mustRotateUnitKinds.push('TEA_HOUSE'),
      'document.rules.POST_LIMIT_SAME_POST.params.mustRotateUnitKinds[2]',
    ],
    [
      'an unknown unit level for areas',
      (d) => (d.rules.LEVEL_LIMIT_SAME_AREA.params.areaUnitLevels = ['COUNTY', 'GALAXY']),
      'document.rules.LEVEL_LIMIT_SAME_AREA.params.areaUnitLevels[1]',
    ],
    [
      'a fractional re-appointment gap',
      (d) => (d.rules.REAPPOINTMENT_GAP.params.days = 0.5),
      'document.rules.REAPPOINTMENT_GAP.params.days',
    ],
    [
      'a negative ranking weight',
      (d) => (d.rankingWeights.appraisal = -0.1),
      'document.rankingWeights.appraisal',
    ],
  ])('rejects %s', async (_name, spoil, field) => {
    const d = copy() as PolicyDocument & Record<string, unknown>;
    spoil(d);
    const message = await rejects(d, 'BAD_USER_INPUT', field);
    expect(message.length).toBeGreaterThan(10);
  });

  it('rejects a date in the past', async () => {
    await rejects(copy(), 'BAD_USER_INPUT', 'effectiveFrom', '2001-01-01');
  });

  it('publishes a new version; asOf before it still reads the one before; overlapping dates conflict', async () => {
    // The latest stored (a fresh database may hold more than the code's default: a migration publishes a round's
    // policy from its date when the default has moved on).
    const latest = ok(await t.gql(READ, { asOf: '2089-12-31' })).policy.version as number;
    const d = copy();
    d.rules.POST_LIMIT_SAME_POST.params.years = 8;
    const v2 = ok(
      await t.gql(PUBLISH, { input: { effectiveFrom: '2090-01-01', note: 'Local notice 8', document: d } }),
    ).publishPolicy;
    expect(v2).toMatchObject({ version: latest + 1, effectiveFrom: '2090-01-01', note: 'Local notice 8' });

    expect(ok(await t.gql(READ, { asOf: '2089-12-31' })).policy.version).toBe(latest);
    const after = ok(await t.gql(READ, { asOf: '2090-01-01' })).policy;
    expect(after.version).toBe(latest + 1);
    expect(after.rules.find((r: { id: string }) => r.id === 'POST_LIMIT_SAME_POST').params).toMatchObject({
      years: 8,
    });

    const msg = await rejects(copy(), 'CONFLICT', 'effectiveFrom', '2090-01-01');
    expect(msg).toMatch(/生效日期重叠/);
    await rejects(copy(), 'CONFLICT', 'effectiveFrom', '2089-06-01');

    // The list `policy { rules }` returns is accepted back as a document.
    const v3 = ok(
      await t.gql(PUBLISH, {
        input: {
          effectiveFrom: '2091-01-01',
          document: { ladders: after.ladders, rules: after.rules, rankingWeights: after.rankingWeights },
        },
      }),
    ).publishPolicy;
    expect(v3.version).toBe(latest + 2);
  });

  it('never rewrites history, even from SQL: the app role may not, nor may the owner', async () => {
    await expect(t.ds.query(`UPDATE policy_version SET note = 'x' WHERE version = 1`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.ds.query(`DELETE FROM policy_version`)).rejects.toThrow(/permission denied/);
    await expect(t.asOwner(`UPDATE policy_version SET note = 'x' WHERE version = 1`)).rejects.toThrow(
      /never changed/,
    );
    await expect(t.asOwner(`DELETE FROM policy_version`)).rejects.toThrow(/never changed/);
  });

  it('says which rules no code evaluates (none since issue 16), and never stores that with a published version', async () => {
    // As of a date under the code's default (a version published later by a migration may predate its params).
    const read = `query { policy(asOf: "2026-11-27") { rules { id sentence source params evaluated } } }`;
    const rules = ok(await t.gql(read)).policy.rules as { id: string; evaluated: boolean }[];
    expect(rules.filter((r) => !r.evaluated).map((r) => r.id)).toEqual([]);
    expect(rules.filter((r) => r.evaluated)).toHaveLength(Object.keys(DEFAULT_POLICY.rules).length);
    // The list as read, published back: the stored document holds each rule's id, sentence, source, params.
    const document = { ...copy(), rules };
    ok(await t.gql(PUBLISH, { input: { effectiveFrom: '2095-01-01', document } }));
    const [row]: { rule: Record<string, unknown> }[] = await t.ds.query(
      `SELECT document -> 'rules' -> 'TERM_LIMIT' AS rule FROM policy_version WHERE effective_from = '2095-01-01'`,
    );
    expect(Object.keys(row.rule).sort()).toEqual(['id', 'params', 'sentence', 'source']);
  });

  it('reads a version stored before a rule existed, without that rule (not in force under it)', async () => {
    const old = copy() as unknown as { rules: Record<string, unknown> };
    delete old.rules.REAPPOINTMENT_GAP;
    await t.asOwner(
      `INSERT INTO policy_version (version, effective_from, document, note)
       VALUES ((SELECT max(version) + 1 FROM policy_version), '2099-01-01', $1, 'older shape')`,
      [JSON.stringify(old)],
    );
    const policy = ok(await t.gql(READ, { asOf: '2099-06-01' })).policy as { rules: { id: string }[] };
    expect(policy.rules.map((r) => r.id)).not.toContain('REAPPOINTMENT_GAP');
    expect(policy.rules.map((r) => r.id)).toContain('TERM_LIMIT');
  });
});
