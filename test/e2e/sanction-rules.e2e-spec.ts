import { Role } from '../../src/auth/caller';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, ok, TestApp } from '../app-factory';
import { promotion } from './candidates-helpers';
import { appraise, townshipChief } from './candidates-fixture';
import { flagsOf } from './flags-helpers';
import { makeUnit } from '../factories';

const AS_OF = '2026-11-27';
const RECORD = `mutation($input: RecordSanctionInput!) { recordSanction(input: $input) {
  id influenceMonths influenceEndsOn influenceSource } }`;
const REVOKE = `mutation($input: RevokeSanctionInput!) { revokeSanction(input: $input) { id revokedOn } }`;
const TOLERANCE = `mutation($input: RecordToleranceDecisionInput!) {
  recordToleranceDecision(input: $input) { id tolerance { basis decidedOn } } }`;
const PATHWAY = `query($id: ID!, $asOf: Date) { cadre(id: $id) { pathway(asOf: $asOf) {
  eligible estimatedEligibleDate policyVersion requirements { code met current dateMet source facts } } } }`;

interface Req {
  code: string;
  met: boolean;
  current: number;
  dateMet: string | null;
  source: string;
  facts: { sanctions: Record<string, unknown>[] } | null;
}
interface PathwayOut {
  eligible: boolean;
  estimatedEligibleDate: string | null;
  policyVersion: number;
  requirements: Req[];
}

/**
 * The sanction rules over HTTP: PROMO_NO_SANCTION_IN_EFFECT on the pathway and in candidate lists, the flag
 * SANCTION_IN_EFFECT, revocation and 容错 decisions ending the effect from their date, and policy versions with
 * other periods or without the rules. Township chiefs otherwise eligible for COUNTY_DEPUTY on 2026-11-27.
 */
describe('sanction rules: the pathway, the flag and candidate lists', () => {
  let t: TestApp;
  let county: string;
  let a1: string;
  let a2: string;

  beforeAll(async () => {
    t = await createTestApp();
    county = (await makeUnit(t.ds, { level: 'COUNTY', name: '白马县' })).id;
    a1 = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
    a2 = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: county })).id;
  });
  afterAll(() => t.close());

  async function chief(name: string): Promise<string> {
    const id = await townshipChief(t.ds, {
      name,
      deputyUnit: a1,
      chiefUnit: a2,
      deputyFrom: '2014-12-01',
      chiefFrom: '2018-12-01',
    });
    await appraise(t.ds, id, { 2023: 'COMPETENT', 2024: 'COMPETENT', 2025: 'COMPETENT' });
    return id;
  }
  const demerit = async (cadreId: string, over: Record<string, unknown> = {}) =>
    ok(
      await t.gql(RECORD, {
        input: {
          cadreId,
          kind: 'DEMERIT',
          decisionDate: '2026-03-12',
          effectiveDate: '2026-03-16',
          issuingBody: '白马县纪委监委',
          documentNumber: '白纪发〔2026〕5号',
          ...over,
        },
      }),
    ).recordSanction as { id: string; influenceMonths: number | null; influenceEndsOn: string | null };
  const pathway = async (id: string, asOf: string): Promise<PathwayOut> =>
    ok(await t.gql(PATHWAY, { id, asOf })).cadre.pathway as PathwayOut;
  const rule = (p: PathwayOut) => p.requirements.find((r) => r.code === 'PROMO_NO_SANCTION_IN_EFFECT');
  const sanctionFlags = async (id: string, asOf: string) =>
    (await flagsOf(t, id, asOf)).filter((f) => f.code === 'SANCTION_IN_EFFECT');

  it('a demerit blocks promotion to the last day of its period; the pathway gives the day after', async () => {
    const id = await chief('岳明川');
    expect(await pathway(id, AS_OF)).toMatchObject({ eligible: true });
    await demerit(id);
    const now = await pathway(id, AS_OF);
    expect(now).toMatchObject({ eligible: false, estimatedEligibleDate: '2027-03-16' });
    // PROMO_TRAINING is soft (no induction training in the fixture): listed, never a bar.
    expect(now.requirements.filter((r) => !r.met).map((r) => r.code)).toEqual([
      'PROMO_TRAINING',
      'PROMO_NO_SANCTION_IN_EFFECT',
    ]);
    expect(rule(now)).toMatchObject({
      current: 1,
      dateMet: '2027-03-16',
      facts: {
        sanctions: [
          {
            sanctionId: expect.any(String),
            kind: 'DEMERIT',
            effectiveDate: '2026-03-16',
            months: 12,
            endsOn: '2027-03-15',
            effectEndsOn: '2027-03-15',
            inEffect: true,
            liftedBy: null,
            revokedOn: null,
            tolerance: null,
            issuingBody: '白马县纪委监委',
            documentNumber: '白纪发〔2026〕5号',
            source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
          },
        ],
      },
    });
    expect(await pathway(id, '2027-03-15')).toMatchObject({ eligible: false });
    expect(await pathway(id, '2027-03-16')).toMatchObject({ eligible: true });
    expect(rule(await pathway(id, '2026-03-15'))).toMatchObject({ met: true, dateMet: null });
  });

  it('flags SANCTION_IN_EFFECT (WARNING) with kind, dates, document and article, until its last day', async () => {
    const id = await chief('柯远');
    const rec = await demerit(id);
    expect(await sanctionFlags(id, '2026-03-15')).toEqual([]);
    const [flag] = await sanctionFlags(id, AS_OF);
    expect(flag).toEqual({
      code: 'SANCTION_IN_EFFECT',
      severity: 'WARNING',
      ruleId: 'SANCTION_PERIODS',
      source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
      message: '记过自 2026-03-16 起生效，影响期至 2027-03-15，期间不得晋升职务、职级（白纪发〔2026〕5号）。',
      facts: {
        sanctionId: rec.id,
        kind: 'DEMERIT',
        decisionDate: '2026-03-12',
        effectiveDate: '2026-03-16',
        months: 12,
        endsOn: '2027-03-15',
        effectEndsOn: '2027-03-15',
        issuingBody: '白马县纪委监委',
        documentNumber: '白纪发〔2026〕5号',
        source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
        revokedOn: null,
        toleranceDecidedOn: null,
      },
      overBy: -109,
      policyVersion: 1,
    });
    expect(await sanctionFlags(id, '2027-03-15')).toHaveLength(1);
    expect(await sanctionFlags(id, '2027-03-16')).toEqual([]);
  });

  it('a 容错 decision dated on asOf ends the effect that day, and is shown as the reason', async () => {
    const id = await chief('苏晓禾');
    const rec = await demerit(id);
    const basis = '三个区分开来：先行先试出现的失误，未谋取私利';
    ok(await t.gql(TOLERANCE, { input: { cadreId: id, sanctionId: rec.id, basis, decidedOn: AS_OF } }));
    const on = await pathway(id, AS_OF);
    expect(on).toMatchObject({ eligible: true });
    expect(rule(on)).toMatchObject({
      met: true,
      dateMet: AS_OF,
      facts: {
        sanctions: [
          expect.objectContaining({
            inEffect: false,
            effectEndsOn: '2026-11-26',
            liftedBy: 'TOLERANCE',
            tolerance: { decidedOn: AS_OF, basis },
          }),
        ],
      },
    });
    const before = await pathway(id, '2026-11-26');
    expect(before).toMatchObject({ eligible: false, estimatedEligibleDate: AS_OF });
    expect(await sanctionFlags(id, '2026-11-26')).toHaveLength(1);
    expect(await sanctionFlags(id, AS_OF)).toEqual([]);
    // The cadre sees the reason on their own pathway.
    const self = t.token({ role: Role.CADRE, cadreId: id, sub: 'self-su' });
    const mine = ok(
      await t.gql(`{ me { pathway(asOf: "${AS_OF}") { requirements { code facts } } } }`, {}, self),
    ).me.pathway as PathwayOut;
    expect(rule(mine)?.facts?.sanctions[0]).toMatchObject({ liftedBy: 'TOLERANCE' });
  });

  it('a revocation on appeal ends the effect from its date', async () => {
    const id = await chief('和嘉树');
    const rec = await demerit(id);
    ok(await t.gql(REVOKE, { input: { id: rec.id, revokedOn: '2026-10-01', reason: '申诉后撤销' } }));
    expect(await pathway(id, '2026-09-30')).toMatchObject({
      eligible: false,
      estimatedEligibleDate: '2026-10-01',
    });
    const after = await pathway(id, AS_OF);
    expect(after).toMatchObject({ eligible: true });
    expect(rule(after)?.facts?.sanctions[0]).toMatchObject({ liftedBy: 'REVOKED', revokedOn: '2026-10-01' });
  });

  it('candidate lists leave out those in effect, and show the sanction under blockers when nearly eligible', async () => {
    const id = await chief('段青');
    const target = { targetLevel: 'COUNTY_DEPUTY', asOf: AS_OF, unitId: county };
    const before = await promotion(t, target, { first: 100 });
    expect(before.edges.map((e) => e.node.cadreId)).toContain(id);
    await demerit(id);
    const now = await promotion(t, target, { first: 100 });
    expect(now.edges.map((e) => e.node.cadreId)).not.toContain(id);
    const soon = await promotion(t, { ...target, includeNearlyEligible: true }, { first: 100 });
    const him = soon.edges.find((e) => e.node.cadreId === id)?.node;
    expect(him).toMatchObject({
      readiness: 'READY_SOON',
      eligibleFrom: '2027-03-16',
      blockers: [
        { code: 'PROMO_TRAINING', met: false, dateMet: null },
        { code: 'PROMO_NO_SANCTION_IN_EFFECT', met: false, dateMet: '2027-03-16' },
      ],
    });
  });

  it('reads the periods of the policy version in force, and ignores sanctions under a version without the rules', async () => {
    const id = await chief('马骏');
    const periods = {
      ...DEFAULT_POLICY.rules.SANCTION_PERIODS.params.periods,
      DEMERIT: { months: 20, source: '本省规定' },
    };
    const document = {
      ...DEFAULT_POLICY,
      rules: {
        ...DEFAULT_POLICY.rules,
        SANCTION_PERIODS: { ...DEFAULT_POLICY.rules.SANCTION_PERIODS, params: { periods } },
      },
    };
    // The latest version stored before (a fresh database may hold more than the code's default: a migration
    // publishes a round's policy from its date when the default has moved on).
    const [{ latest }]: { latest: number }[] = await t.ds.query(
      `SELECT max(version)::int AS latest FROM policy_version`,
    );
    const published = await t.gql(
      `mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { version } }`,
      { input: { effectiveFrom: '2090-01-01', document } },
    );
    expect(ok(published)).toEqual({ publishPolicy: { version: latest + 1 } });
    const rec = await demerit(id, { decisionDate: '2090-02-01', effectiveDate: '2090-02-01' });
    expect(rec).toMatchObject({
      influenceMonths: 20,
      influenceEndsOn: '2091-09-30',
      influenceSource: '本省规定',
    });
    expect(await pathway(id, '2090-06-01')).toMatchObject({
      policyVersion: latest + 1,
      estimatedEligibleDate: '2091-10-01',
    });

    // A version published before these rules existed (as a deployed database has until the new version lands):
    // no requirement, no flag, no period, and the policy query lists the rules it has.
    const { SANCTION_PERIODS: _p, PROMO_NO_SANCTION_IN_EFFECT: _r, ...rules } = DEFAULT_POLICY.rules;
    await t.ds.query(
      `INSERT INTO policy_version (version, effective_from, document) VALUES ($2, '2095-01-01', $1)`,
      [JSON.stringify({ ...DEFAULT_POLICY, rules }), latest + 2],
    );
    const late = await demerit(id, { decisionDate: '2095-02-01', effectiveDate: '2095-02-01' });
    expect(late).toMatchObject({ influenceMonths: null, influenceEndsOn: null, influenceSource: null });
    const old = await pathway(id, '2095-03-01');
    expect(old.policyVersion).toBe(latest + 2);
    expect(rule(old)).toBeUndefined();
    expect(await sanctionFlags(id, '2095-03-01')).toEqual([]);
    const policy = ok(await t.gql(`{ policy(asOf: "2095-03-01") { version rules { id } } }`)).policy as {
      version: number;
      rules: { id: string }[];
    };
    expect(policy.version).toBe(latest + 2);
    expect(policy.rules.map((r) => r.id)).not.toContain('SANCTION_PERIODS');
  });
});
