import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { Role } from '../../src/auth/caller';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { rankingFixture, RankingFixture, townshipChief } from './candidates-fixture';
import { makeAchievement } from './flags-helpers';

/**
 * Every Query and Mutation field of the schema, run as every kind of caller. The schema is read from the app
 * itself, so a new field without a row in EXPECTED fails this test with its name.
 *
 * Callers: ADMIN; ORG_IN, a department whose jurisdiction holds the cadre or unit the operation names; ORG_OUT,
 * a department elsewhere; CADRE_SELF, the cadre the operation names; CADRE_OTHER, another cadre; HR_SYNC; NONE,
 * no token. `ok` means the operation succeeds without any error.
 */
type Who = 'ADMIN' | 'ORG_IN' | 'ORG_OUT' | 'CADRE_SELF' | 'CADRE_OTHER' | 'HR_SYNC' | 'NONE';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const WHO: Who[] = ['ADMIN', 'ORG_IN', 'ORG_OUT', 'CADRE_SELF', 'CADRE_OTHER', 'HR_SYNC', 'NONE'];

const F = 'FORBIDDEN';
const rule = (ok: Who[]): Record<Who, Outcome> =>
  Object.fromEntries(
    WHO.map((w) => [w, w === 'NONE' ? 'UNAUTHENTICATED' : ok.includes(w) ? 'ok' : F]),
  ) as Record<Who, Outcome>;
const ADMIN_ONLY = rule(['ADMIN']);
/** Records of a cadre (or a unit) in a department's jurisdiction. */
const JURISDICTION = rule(['ADMIN', 'ORG_IN']);
/** Training and claimed achievements: also the cadre itself. */
const SELF_SUBMIT = rule(['ADMIN', 'ORG_IN', 'CADRE_SELF']);
const ANY_DEPARTMENT = rule(['ADMIN', 'ORG_IN', 'ORG_OUT']);
/** Reference data (taxonomy, policy): every person, not HR systems. */
const REFERENCE = rule(['ADMIN', 'ORG_IN', 'ORG_OUT', 'CADRE_SELF', 'CADRE_OTHER']);
const ME = rule(['CADRE_SELF', 'CADRE_OTHER']);
const SYNC = rule(['ADMIN', 'HR_SYNC']);
/** Sanctions and rank grants by id: also the cadre's own. */
const READ_OWN = rule(['ADMIN', 'ORG_IN', 'CADRE_SELF']);

interface Fixture {
  /** A fresh cadre posted in the in-jurisdiction township, made for this one call. */
  cadre: { id: string; externalId: string; postingId: string };
  inRoot: string;
  inUnit: string;
  outRoot: string;
}
interface Op {
  query: string;
  variables?: Record<string, unknown>;
}
interface Case {
  expect: Record<Who, Outcome>;
  op: (f: Fixture, t: TestApp) => Promise<Op>;
}

const one = async (t: TestApp, sql: string, params: unknown[]): Promise<string> =>
  (await t.ds.query<{ id: string }[]>(sql, params))[0].id;
const training = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
     VALUES ($1, '党校培训', 'PARTY_SCHOOL', '2024-03-01', '2024-03-10', 40) RETURNING id`,
    [cadreId],
  );
const achievement = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level)
     VALUES ($1, '直播带货', '2023-02-01', 'AGRICULTURE_MARKETING', 'COUNTY') RETURNING id`,
    [cadreId],
  );
const education = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO cadre_education (cadre_id, kind, level) VALUES ($1, 'FULL_TIME', 'BACHELOR') RETURNING id`,
    [cadreId],
  );
const familyMember = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO family_member (cadre_id, position, relation, relation_kind, name) VALUES ($1, 0, '父亲', 'PARENT', '杨德明') RETURNING id`,
    [cadreId],
  );
const photo = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO cadre_photo (cadre_id, content_type, content) VALUES ($1, 'image/png', '\\x89504e47') RETURNING cadre_id AS id`,
    [cadreId],
  );
const proposal = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO appointment_proposal (cadre_id, proposed_on, proposed_post, reason)
     VALUES ($1, '2026-11-27', '副县长', '工作需要') RETURNING id`,
    [cadreId],
  );
const appraisal = (t: TestApp, cadreId: string) =>
  one(t, `INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, 2023, 'COMPETENT') RETURNING id`, [
    cadreId,
  ]);
const sanction = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body)
     VALUES ($1, 'DEMERIT', '2026-03-10', '2026-03-16', '县纪委监委') RETURNING id`,
    [cadreId],
  );
const rankGrant = (t: TestApp, cadreId: string) =>
  one(
    t,
    `INSERT INTO rank_grant (cadre_id, level, start_date) VALUES ($1, 'PRINCIPAL_STAFF_4', '2022-01-01') RETURNING id`,
    [cadreId],
  );
/** A webhook subscription of the in-jurisdiction root (with its secret). */
const subscription = async (t: TestApp, f: Fixture): Promise<string> => {
  const id = await one(
    t,
    `INSERT INTO webhook_subscription (unit_id, url, events, created_by)
     VALUES ($1, 'https://203.0.113.10/hook', ARRAY['flag.started'], 'm') RETURNING id`,
    [f.inRoot],
  );
  await t.ds.query(`INSERT INTO webhook_secret (subscription_id, secret) VALUES ($1, $2)`, [
    id,
    'k'.repeat(64),
  ]);
  return id;
};
/** A TOWNSHIP_CHIEF pool of the in-jurisdiction root, with `member` in it when given. */
const pool = async (t: TestApp, f: Fixture, member?: string): Promise<string> => {
  const id = await one(
    t,
    `INSERT INTO talent_pool (name, target_level, unit_id, created_by) VALUES ('后备', 'TOWNSHIP_CHIEF', $1, 'm') RETURNING id`,
    [f.inRoot],
  );
  if (member) {
    await t.ds.query(
      `INSERT INTO talent_pool_member (pool_id, cadre_id, snapshot, added_by) VALUES ($1, $2, '{}', 'm')`,
      [id, member],
    );
  }
  return id;
};
/** A TOWNSHIP_CHIEF post of the in-jurisdiction township (a fresh title each time: titles are unique per unit). */
const post = (t: TestApp, f: Fixture) =>
  one(
    t,
    `INSERT INTO post (unit_id, title, level, approved_holders) VALUES ($1, $2, 'TOWNSHIP_CHIEF', 1) RETURNING id`,
    [f.inUnit, `镇长-${Math.random().toString(36).slice(2, 10)}`],
  );
/** A saved slate of such a post, with `member` on it when given. */
const slate = async (t: TestApp, f: Fixture, member?: string): Promise<string> => {
  const id = await one(
    t,
    `INSERT INTO slate (post_id, name, as_of, policy_version, created_by)
     VALUES ($1, '人选', '2026-11-27', 1, 'm') RETURNING id`,
    [await post(t, f)],
  );
  if (member) {
    await t.ds.query(
      `INSERT INTO slate_member (slate_id, cadre_id, position, snapshot) VALUES ($1, $2, 1, '{}')`,
      [id, member],
    );
  }
  return id;
};
const cadreInput = () => ({
  externalId: `M-${Math.random().toString(36).slice(2, 12)}`,
  name: '赵敏',
  gender: 'FEMALE',
  birthDate: '1990-01-01',
  workStartDate: '2012-07-01',
  educationLevel: 'BACHELOR',
});

/** One row per Query and Mutation field. */
const EXPECTED: Record<string, Case> = {
  // Queries
  me: { expect: ME, op: async () => ({ query: `{ me { id } }` }) },
  cadre: {
    expect: JURISDICTION,
    op: async (f) => ({ query: `query($id: ID!) { cadre(id: $id) { id } }`, variables: { id: f.cadre.id } }),
  },
  cadres: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { cadres(filter: { unitId: $u }) { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  unit: {
    expect: JURISDICTION,
    op: async (f) => ({ query: `query($id: ID!) { unit(id: $id) { id } }`, variables: { id: f.inUnit } }),
  },
  units: {
    expect: JURISDICTION,
    op: async (f) => ({ query: `query($p: ID) { units(parentId: $p) { id } }`, variables: { p: f.inRoot } }),
  },
  training: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { training(id: $id) { id } }`,
      variables: { id: await training(t, f.cadre.id) },
    }),
  },
  achievement: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { achievement(id: $id) { id verificationNote } }`,
      variables: { id: await achievement(t, f.cadre.id) },
    }),
  },
  appraisal: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { appraisal(id: $id) { id grade } }`,
      variables: { id: await appraisal(t, f.cadre.id) },
    }),
  },
  sanction: {
    expect: READ_OWN,
    op: async (f, t) => ({
      query: `query($id: ID!) { sanction(id: $id) { id kind tolerance { basis } } }`,
      variables: { id: await sanction(t, f.cadre.id) },
    }),
  },
  rankGrant: {
    expect: READ_OWN,
    op: async (f, t) => ({
      query: `query($id: ID!) { rankGrant(id: $id) { id level } }`,
      variables: { id: await rankGrant(t, f.cadre.id) },
    }),
  },
  flaggedCadres: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { flaggedCadres(filter: { unitId: $u, asOf: "2026-11-27" }) { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  achievementsToVerify: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { achievementsToVerify(unitId: $u) { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  flagChanges: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { flagChanges(unitId: $u, from: "2017-01-01", to: "2026-11-27") { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  webhookSubscriptions: {
    // Each sees its own: a department those of its jurisdiction (none elsewhere), an HR system its source's.
    expect: rule(['ADMIN', 'ORG_IN', 'ORG_OUT', 'HR_SYNC']),
    op: async () => ({ query: `{ webhookSubscriptions { id } }` }),
  },
  webhookDeliveries: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { webhookDeliveries(subscriptionId: $id) { totalCount } }`,
      variables: { id: await subscription(t, f) },
    }),
  },
  createWebhookSubscription: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret } }`,
      variables: { i: { unitId: f.inRoot, url: 'https://203.0.113.10/hook', events: ['FLAG_STARTED'] } },
    }),
  },
  updateWebhookSubscription: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { id } }`,
      variables: { i: { id: await subscription(t, f), description: '组织部预警推送' } },
    }),
  },
  rotateWebhookSecret: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      variables: { id: await subscription(t, f) },
    }),
  },
  deleteWebhookSubscription: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`,
      variables: { id: await subscription(t, f) },
    }),
  },
  avoidanceCheck: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($c: ID!, $u: ID!) { avoidanceCheck(cadreId: $c, unitId: $u, title: "镇长", level: "TOWNSHIP_CHIEF", asOf: "2026-11-27") { clear } }`,
      variables: { c: f.cadre.id, u: f.inUnit },
    }),
  },
  teamStructure: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID!) { teamStructure(unitId: $u, asOf: "2026-11-27") { holders members { name } } }`,
      variables: { u: f.inUnit },
    }),
  },
  teamStructures: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { teamStructures(unitId: $u, asOf: "2026-11-27") { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  youngCadres: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { youngCadres(unitId: $u, asOf: "2026-11-27", level: "TOWNSHIP_CHIEF") { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  stuckTalent: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { stuckTalent(unitId: $u, asOf: "2026-11-27") { total { count } } }`,
      variables: { u: f.inRoot },
    }),
  },
  promotionCandidates: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { promotionCandidates(input: { targetLevel: "TOWNSHIP_CHIEF", unitId: $u, asOf: "2026-11-27" }) { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  trainingCandidates: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { trainingCandidates(input: { unitId: $u, asOf: "2026-11-27" }) { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  specialists: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { specialists(domain: "TRANSPORT", unitId: $u, asOf: "2026-11-27") { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  talentPools: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { talentPools(unitId: $u) { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  talentPool: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { talentPool(id: $id) { id members(asOf: "2026-11-27") { cadreId } } }`,
      variables: { id: await pool(t, f) },
    }),
  },
  post: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { post(id: $id) { id staffing(asOf: "2026-11-27") { holders } } }`,
      variables: { id: await post(t, f) },
    }),
  },
  posts: {
    expect: JURISDICTION,
    op: async (f) => ({ query: `query($u: ID!) { posts(unitId: $u) { id } }`, variables: { u: f.inUnit } }),
  },
  postQuotas: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID!) { postQuotas(unitId: $u) { id } }`,
      variables: { u: f.inUnit },
    }),
  },
  vacancies: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID) { vacancies(unitId: $u, asOf: "2026-11-27") { totalCount } }`,
      variables: { u: f.inRoot },
    }),
  },
  slate: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($p: ID!) { slate(postId: $p, asOf: "2026-11-27") { candidates { cadreId } } }`,
      variables: { p: await post(t, f) },
    }),
  },
  savedSlate: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `query($id: ID!) { savedSlate(id: $id) { id members { cadreId } } }`,
      variables: { id: await slate(t, f) },
    }),
  },
  specialtyDomains: { expect: REFERENCE, op: async () => ({ query: `{ specialtyDomains { code } }` }) },
  policy: { expect: REFERENCE, op: async () => ({ query: `{ policy(asOf: "2026-11-27") { version } }` }) },
  auditLog: { expect: ADMIN_ONLY, op: async () => ({ query: `{ auditLog(first: 1) { totalCount } }` }) },
  syncRuns: { expect: SYNC, op: async () => ({ query: `{ syncRuns(source: "hr-main") { totalCount } }` }) },
  syncRun: {
    expect: SYNC,
    op: async (_f, t) => {
      const res = await t.gql(SYNC_POSTINGS, { input: { source: 'hr-main', dryRun: true, records: [] } });
      return {
        query: `query($id: ID!) { syncRun(id: $id) { id } }`,
        variables: { id: (res.data as { syncPostings: { id: string } }).syncPostings.id },
      };
    },
  },

  // Mutations
  createCadre: {
    expect: ANY_DEPARTMENT,
    op: async () => ({
      query: `mutation($i: CreateCadreInput!) { createCadre(input: $i) { id } }`,
      variables: { i: cadreInput() },
    }),
  },
  updateCadre: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: UpdateCadreInput!) { updateCadre(input: $i) { id } }`,
      variables: { i: { id: f.cadre.id, professionalTitle: '经济师' } },
    }),
  },
  // The fixture cadre has a posting, so a history: only an administrator deletes it.
  deleteCadre: {
    expect: ADMIN_ONLY,
    op: async (f) => ({
      query: `mutation($id: ID!) { deleteCadre(id: $id) }`,
      variables: { id: f.cadre.id },
    }),
  },
  createUnit: {
    expect: ADMIN_ONLY,
    op: async (f) => ({
      query: `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`,
      variables: {
        i: {
          code: `N-${Math.random().toString(36).slice(2, 10)}`,
          name: '新村',
          level: 'VILLAGE',
          kind: 'VILLAGE_COMMITTEE',
          parentId: f.inUnit,
        },
      },
    }),
  },
  updateUnit: {
    expect: ADMIN_ONLY,
    op: async (f) => ({
      query: `mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { id } }`,
      variables: { i: { id: f.inUnit, name: '城关镇' } },
    }),
  },
  recordPosting: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: RecordPostingInput!) { recordPosting(input: $i) { id } }`,
      variables: {
        i: {
          cadreId: f.cadre.id,
          unitId: f.inUnit,
          title: '挂职副镇长',
          level: 'TOWNSHIP_DEPUTY',
          kind: 'TEMPORARY_ASSIGNMENT',
          startDate: '2025-01-01',
        },
      },
    }),
  },
  updatePosting: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: UpdatePostingInput!) { updatePosting(input: $i) { id } }`,
      variables: { i: { id: f.cadre.postingId, title: '镇长' } },
    }),
  },
  endPosting: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($id: ID!) { endPosting(id: $id, endDate: "2026-01-31") { id } }`,
      variables: { id: f.cadre.postingId },
    }),
  },
  deletePosting: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($id: ID!) { deletePosting(id: $id) }`,
      variables: { id: f.cadre.postingId },
    }),
  },
  recordTraining: {
    expect: SELF_SUBMIT,
    op: async (f) => ({
      query: `mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { id } }`,
      variables: {
        i: {
          cadreId: f.cadre.id,
          title: '网络学院',
          kind: 'ONLINE',
          startDate: '2026-01-05',
          endDate: '2026-01-06',
          classHours: 8,
        },
      },
    }),
  },
  updateTraining: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateTrainingInput!) { updateTraining(input: $i) { id } }`,
      variables: { i: { id: await training(t, f.cadre.id), classHours: 42 } },
    }),
  },
  deleteTraining: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteTraining(id: $id) }`,
      variables: { id: await training(t, f.cadre.id) },
    }),
  },
  recordAchievement: {
    expect: SELF_SUBMIT,
    op: async (f) => ({
      query: `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id verificationStatus } }`,
      variables: {
        i: {
          cadreId: f.cadre.id,
          title: '冬季旅游短视频',
          domain: 'CULTURAL_TOURISM',
          achievedOn: '2023-02-01',
          recognitionLevel: 'PROVINCE',
        },
      },
    }),
  },
  updateAchievement: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateAchievementInput!) { updateAchievement(input: $i) { id } }`,
      variables: { i: { id: await achievement(t, f.cadre.id), title: '直播带货（更正）' } },
    }),
  },
  deleteAchievement: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteAchievement(id: $id) }`,
      variables: { id: await achievement(t, f.cadre.id) },
    }),
  },
  verifyAchievement: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { verifyAchievement(id: $id, decision: VERIFIED, note: "核实") { id } }`,
      variables: { id: await achievement(t, f.cadre.id) },
    }),
  },
  recordAppraisal: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id } }`,
      variables: { i: { cadreId: f.cadre.id, year: 2024, grade: 'EXCELLENT' } },
    }),
  },
  updateAppraisal: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateAppraisalInput!) { updateAppraisal(input: $i) { id } }`,
      variables: { i: { id: await appraisal(t, f.cadre.id), grade: 'EXCELLENT' } },
    }),
  },
  deleteAppraisal: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteAppraisal(id: $id) }`,
      variables: { id: await appraisal(t, f.cadre.id) },
    }),
  },
  setCadreEducation: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: SetCadreEducationInput!) { setCadreEducation(input: $i) { id } }`,
      variables: { i: { cadreId: f.cadre.id, kind: 'IN_SERVICE', level: 'MASTER' } },
    }),
  },
  deleteCadreEducation: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteCadreEducation(id: $id) }`,
      variables: { id: await education(t, f.cadre.id) },
    }),
  },
  addFamilyMember: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: AddFamilyMemberInput!) { addFamilyMember(input: $i) { id } }`,
      variables: { i: { cadreId: f.cadre.id, relation: '妻子', name: '李秀芬' } },
    }),
  },
  updateFamilyMember: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateFamilyMemberInput!) { updateFamilyMember(input: $i) { id } }`,
      variables: { i: { id: await familyMember(t, f.cadre.id), politicalStatus: '群众' } },
    }),
  },
  deleteFamilyMember: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteFamilyMember(id: $id) }`,
      variables: { id: await familyMember(t, f.cadre.id) },
    }),
  },
  uploadCadrePhoto: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: UploadCadrePhotoInput!) { uploadCadrePhoto(input: $i) { byteSize } }`,
      variables: { i: { cadreId: f.cadre.id, contentType: 'image/jpeg', base64: '/9j/4AAQ' } },
    }),
  },
  deleteCadrePhoto: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteCadrePhoto(id: $id) }`,
      variables: { id: await photo(t, f.cadre.id) },
    }),
  },
  createAppointmentProposal: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: CreateAppointmentProposalInput!) { createAppointmentProposal(input: $i) { id } }`,
      variables: {
        i: { cadreId: f.cadre.id, proposedOn: '2026-11-27', proposedPost: '副县长', reason: '工作需要' },
      },
    }),
  },
  updateAppointmentProposal: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateAppointmentProposalInput!) { updateAppointmentProposal(input: $i) { id } }`,
      variables: { i: { id: await proposal(t, f.cadre.id), reason: '因工作需要' } },
    }),
  },
  deleteAppointmentProposal: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { deleteAppointmentProposal(id: $id) }`,
      variables: { id: await proposal(t, f.cadre.id) },
    }),
  },
  publishPolicy: {
    expect: ADMIN_ONLY,
    op: async () => ({
      query: `mutation($i: PublishPolicyInput!) { publishPolicy(input: $i) { version } }`,
      variables: { i: { effectiveFrom: '2999-01-01', note: 'matrix', document: DEFAULT_POLICY } },
    }),
  },
  createTalentPool: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
      variables: { i: { name: '后备干部', targetLevel: 'TOWNSHIP_CHIEF', unitId: f.inRoot } },
    }),
  },
  addToPool: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: AddToPoolInput!) { addToPool(input: $i) { cadreId } }`,
      variables: { i: { poolId: await pool(t, f), cadreId: f.cadre.id, asOf: '2026-11-27' } },
    }),
  },
  removeFromPool: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($p: ID!, $c: ID!) { removeFromPool(poolId: $p, cadreId: $c) }`,
      variables: { p: await pool(t, f, f.cadre.id), c: f.cadre.id },
    }),
  },
  recordDecision: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`,
      variables: {
        i: {
          poolId: await pool(t, f, f.cadre.id),
          cadreId: f.cadre.id,
          decision: 'DEFERRED',
          effectiveDate: '2026-12-01',
        },
      },
    }),
  },
  createPost: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: CreatePostInput!) { createPost(input: $i) { id } }`,
      variables: {
        i: {
          unitId: f.inUnit,
          title: `副镇长-${Math.random().toString(36).slice(2, 10)}`,
          level: 'TOWNSHIP_DEPUTY',
          approvedHolders: 3,
        },
      },
    }),
  },
  updatePost: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }`,
      variables: { i: { id: await post(t, f), approvedHolders: 2 } },
    }),
  },
  setPostQuota: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: SetPostQuotaInput!) { setPostQuota(input: $i) { id } }`,
      variables: { i: { unitId: f.inUnit, level: 'TOWNSHIP_DEPUTY', places: 4 } },
    }),
  },
  saveSlate: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: SaveSlateInput!) { saveSlate(input: $i) { id } }`,
      variables: { i: { postId: await post(t, f), name: '人选', asOf: '2026-11-27' } },
    }),
  },
  recordSlateDecision: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: RecordSlateDecisionInput!) { recordSlateDecision(input: $i) { id } }`,
      variables: {
        i: {
          slateId: await slate(t, f, f.cadre.id),
          cadreId: f.cadre.id,
          decision: 'DEFERRED',
          effectiveDate: '2026-12-01',
        },
      },
    }),
  },
  syncPosts: {
    expect: SYNC,
    op: async () => ({
      query: `mutation($input: SyncPostsInput!) { syncPosts(input: $input) { id } }`,
      variables: { input: { source: 'hr-main', dryRun: true, records: [] } },
    }),
  },
  syncPostings: {
    expect: SYNC,
    op: async () => ({
      query: SYNC_POSTINGS,
      variables: { input: { source: 'hr-main', dryRun: true, records: [] } },
    }),
  },
  syncUnits: {
    expect: SYNC,
    op: async () => ({
      query: `mutation($input: SyncUnitsInput!) { syncUnits(input: $input) { id } }`,
      variables: { input: { source: 'hr-main', dryRun: true, records: [] } },
    }),
  },
  syncRanks: {
    expect: SYNC,
    op: async () => ({
      query: `mutation($input: SyncRanksInput!) { syncRanks(input: $input) { id } }`,
      variables: { input: { source: 'hr-main', dryRun: true, records: [] } },
    }),
  },
  syncSanctions: {
    expect: SYNC,
    op: async () => ({
      query: `mutation($input: SyncSanctionsInput!) { syncSanctions(input: $input) { id } }`,
      variables: { input: { source: 'hr-main', dryRun: true, records: [] } },
    }),
  },
  recordSanction: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: RecordSanctionInput!) { recordSanction(input: $i) { id } }`,
      variables: {
        i: {
          cadreId: f.cadre.id,
          kind: 'ADMONISHMENT',
          decisionDate: '2026-02-01',
          effectiveDate: '2026-02-01',
          issuingBody: '县委组织部',
        },
      },
    }),
  },
  updateSanction: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateSanctionInput!) { updateSanction(input: $i) { id } }`,
      variables: { i: { id: await sanction(t, f.cadre.id), note: '更正' } },
    }),
  },
  revokeSanction: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: RevokeSanctionInput!) { revokeSanction(input: $i) { id } }`,
      variables: { i: { id: await sanction(t, f.cadre.id), revokedOn: '2026-06-01', reason: '申诉' } },
    }),
  },
  recordToleranceDecision: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: RecordToleranceDecisionInput!) { recordToleranceDecision(input: $i) { id } }`,
      variables: {
        i: {
          cadreId: f.cadre.id,
          sanctionId: await sanction(t, f.cadre.id),
          basis: '三个区分开来',
          decidedOn: '2026-04-01',
        },
      },
    }),
  },
  recordRank: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: RecordRankInput!) { recordRank(input: $i) { id } }`,
      variables: { i: { cadreId: f.cadre.id, level: 'PRINCIPAL_STAFF_3', startDate: '2024-01-01' } },
    }),
  },
  updateRank: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($i: UpdateRankInput!) { updateRank(input: $i) { id } }`,
      variables: { i: { id: await rankGrant(t, f.cadre.id), startDate: '2021-07-01' } },
    }),
  },
  endRank: {
    expect: JURISDICTION,
    op: async (f, t) => ({
      query: `mutation($id: ID!) { endRank(id: $id, endDate: "2025-12-31") { id } }`,
      variables: { id: await rankGrant(t, f.cadre.id) },
    }),
  },
  rankQuotas: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `query($u: ID!) { rankQuotas(unitId: $u) { level places } }`,
      variables: { u: f.inUnit },
    }),
  },
  setRankQuota: {
    expect: JURISDICTION,
    op: async (f) => ({
      query: `mutation($i: SetRankQuotaInput!) { setRankQuota(input: $i) { id } }`,
      variables: { i: { unitId: f.inUnit, level: 'PRINCIPAL_STAFF_3', places: 2 } },
    }),
  },
  removeRankQuota: {
    expect: JURISDICTION,
    op: async (f, t) => {
      await t.ds.query(
        `INSERT INTO rank_quota (unit_id, level, places) VALUES ($1, 'PRINCIPAL_STAFF_2', 1) ON CONFLICT DO NOTHING`,
        [f.inUnit],
      );
      return {
        query: `mutation($u: ID!) { removeRankQuota(unitId: $u, level: "PRINCIPAL_STAFF_2") { places } }`,
        variables: { u: f.inUnit },
      };
    },
  },
  syncCadres: {
    expect: SYNC,
    op: async () => ({
      query: `mutation($input: SyncCadresInput!) { syncCadres(input: $input) { id } }`,
      variables: { input: { source: 'hr-main', dryRun: true, records: [] } },
    }),
  },
};
const SYNC_POSTINGS = `mutation($input: SyncPostingsInput!) { syncPostings(input: $input) { id } }`;

describe('authorization matrix', () => {
  let t: TestApp;
  let fields: { kind: 'Query' | 'Mutation'; name: string }[];
  let inRoot: string;
  let inUnit: string;
  let outRoot: string;
  let otherCadre: string;

  beforeAll(async () => {
    t = await createTestApp();
    const schema = t.app.get(GraphQLSchemaHost).schema;
    fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => ({
        kind: 'Query' as const,
        name,
      })),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => ({
        kind: 'Mutation' as const,
        name,
      })),
    ];
    inRoot = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    inUnit = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: inRoot })).id;
    outRoot = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    const outUnit = (await makeUnit(t.ds, { level: 'TOWNSHIP', parentId: outRoot })).id;
    otherCadre = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, otherCadre, outUnit);
  });
  afterAll(() => t.close());

  it('has an expectation for every Query and Mutation field of the schema', () => {
    const missing = fields.filter((f) => !EXPECTED[f.name]).map((f) => `${f.kind}.${f.name}`);
    if (missing.length > 0) {
      throw new Error(
        `No authorization rule in test/e2e/authorization-matrix.e2e-spec.ts EXPECTED for: ${missing.join(', ')}. ` +
          'Add a row saying which callers may run each new field.',
      );
    }
    expect(fields.length).toBeGreaterThan(20);
  });

  async function fixture(): Promise<Fixture> {
    const c = await makeCadre(t.ds);
    const p = await makePosting(t.ds, c.id, inUnit, { startDate: '2019-01-01' });
    return { cadre: { ...c, postingId: p.id }, inRoot, inUnit, outRoot };
  }

  function tokenFor(who: Who, f: Fixture): string | null {
    switch (who) {
      case 'ADMIN':
        return t.adminToken;
      case 'ORG_IN':
        return t.token({ role: Role.ORG_DEPT, unitId: f.inRoot, sub: 'od-in' });
      case 'ORG_OUT':
        return t.token({ role: Role.ORG_DEPT, unitId: f.outRoot, sub: 'od-out' });
      case 'CADRE_SELF':
        return t.token({ role: Role.CADRE, cadreId: f.cadre.id, sub: 'cadre-self' });
      case 'CADRE_OTHER':
        return t.token({ role: Role.CADRE, cadreId: otherCadre, sub: 'cadre-other' });
      case 'HR_SYNC':
        return t.token({ role: Role.HR_SYNC, source: 'hr-main', sub: 'hr-main' });
      case 'NONE':
        return null;
    }
  }

  it('runs every field as every caller and gets the expected outcome', async () => {
    const failures: string[] = [];
    for (const { kind, name } of fields) {
      const rule = EXPECTED[name];
      if (!rule) continue; // reported by the test above
      for (const who of WHO) {
        const f = await fixture();
        const op = await rule.op(f, t);
        const [{ mark }] = await t.ds.query<{ mark: number }[]>(
          `SELECT coalesce(max(id), 0)::int AS mark FROM audit_log`,
        );
        const res: GqlResult = await t.gql(op.query, op.variables, tokenFor(who, f));
        const got = res.errors?.length ? String(res.errors[0].extensions.code) : 'ok';
        const want = rule.expect[who];
        if (got !== want) {
          failures.push(
            `${kind}.${name} as ${who}: expected ${want}, got ${got} ${JSON.stringify(res.errors?.[0]?.message ?? '')}`,
          );
        }
        if (got !== 'ok' || kind !== 'Mutation') continue;
        // Every audited write of the API names its actor: a service that bypasses TransactionRunner shows here.
        const [{ n }] = await t.ds.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND actor_sub IS NULL`,
          [mark],
        );
        if (n > 0) failures.push(`${kind}.${name} as ${who}: ${n} audit rows without an actor`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/**
 * The CONTENTS of every list that returns cadres, read by organisation departments: no cadre outside the
 * caller's jurisdiction may come back, at any depth (pool → members → cadre → postings → cadre), with or without
 * `unitId`. A member listed hidden counts as not returned: it carries its ids and nothing else.
 *
 * LISTS names, per entry, the list fields of the schema it reads (`Type.field`). The first test introspects the
 * schema: a list field (a list, or a connection) from which the Cadre type can be reached must be named by some
 * entry, so a new one fails here until it is read here too. Sync results and audit entries hold cadre data as
 * plain values (external ids, row images) that the schema cannot show; they are listed by hand.
 */
const C = `__typename id name externalId`;
const AS_OF = '2026-11-27';

interface ListCase {
  /** The list fields (`Type.field`) this document reads. */
  covers: string[];
  /** Departments may read it (the contents are checked), or it is FORBIDDEN to them (nothing comes back). */
  department: 'ok' | 'FORBIDDEN';
  /** The document; `$u` is the unitId when the field takes one (null: none given). */
  query: string;
  takesUnit: boolean;
  /** The document also takes `$p`, a post in the caller's jurisdiction, and `$pu`, the post's unit. */
  takesPost?: boolean;
}

const LISTS: Record<string, ListCase> = {
  cadres: {
    covers: [
      'Query.cadres',
      'Cadre.postings',
      'Cadre.currentPostings',
      'Cadre.trainings',
      'Cadre.achievements',
      'Cadre.appraisals',
      'Cadre.sanctions',
      'Cadre.ranks',
    ],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { cadres(first: 25, filter: { unitId: $u }) { edges { node { ${C}
      postings { unit { id } cadre { ${C} } } currentPostings(asOf: "${AS_OF}") { cadre { ${C} } }
      trainings { cadre { ${C} } } achievements { cadre { ${C} } } appraisals { cadre { ${C} } }
      sanctions { cadre { ${C} } } ranks { cadre { ${C} } } } } } }`,
  },
  flaggedCadres: {
    covers: ['Query.flaggedCadres'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { flaggedCadres(first: 25, filter: { unitId: $u, asOf: "${AS_OF}" }) {
      edges { node { cadreId flags { code message facts } cadre { ${C} postings { cadre { ${C} } } } } } } }`,
  },
  achievementsToVerify: {
    covers: ['Query.achievementsToVerify'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { achievementsToVerify(first: 25, unitId: $u) {
      edges { node { id cadreId cadre { ${C} postings { cadre { ${C} } } } } } } }`,
  },
  flagChanges: {
    covers: ['Query.flagChanges'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { flagChanges(first: 25, unitId: $u, from: "2017-01-01", to: "${AS_OF}") {
      edges { node { cadreId code facts cadre { ${C} postings { cadre { ${C} } } } } } } }`,
  },
  stuckTalent: {
    covers: ['StuckTalentReport.units', 'StuckTalentUnit.cadres'],
    department: 'ok',
    takesUnit: true,
    // Half a year on, Yan (chief since 2016-12-01) is past the limit too.
    query: `query($u: ID) { stuckTalent(unitId: $u, asOf: "2027-06-01") { units { unit { id } cadres(first: 25) {
      edges { node { cadreId flags { code message facts } cadre { ${C} postings { cadre { ${C} } } } } } } } } }`,
  },
  youngCadres: {
    covers: ['Query.youngCadres'],
    department: 'ok',
    takesUnit: true,
    // Yan (born 1985, chief since 2016-12-01) is a young township chief in 2019.
    query: `query($u: ID) { youngCadres(first: 25, unitId: $u, asOf: "2019-06-01", level: "TOWNSHIP_CHIEF") {
      edges { node { cadreId cadre { ${C} postings { cadre { ${C} } } } pathway { currentLevel } } } } }`,
  },
  promotionCandidates: {
    covers: ['Query.promotionCandidates'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { promotionCandidates(first: 25, input: { targetLevel: "COUNTY_DEPUTY", unitId: $u,
      asOf: "${AS_OF}", includeNearlyEligible: true }) { edges { node { cadreId reasons cadre { ${C} } } } } }`,
  },
  trainingCandidates: {
    covers: ['Query.trainingCandidates'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { trainingCandidates(first: 25, input: { unitId: $u, asOf: "${AS_OF}" }) {
      edges { node { cadreId reasons cadre { ${C} } } } } }`,
  },
  specialists: {
    covers: ['Query.specialists'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { specialists(first: 25, domain: "CULTURAL_TOURISM", unitId: $u, asOf: "${AS_OF}") {
      edges { node { cadreId reasons cadre { ${C} } } } } }`,
  },
  talentPools: {
    covers: ['Query.talentPools', 'TalentPool.members', 'Cadre.postings'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { talentPools(first: 10, unitId: $u) { edges { node { id memberCount
      members(asOf: "${AS_OF}") { __typename poolId cadreId hidden note addedBy addedAt
        cadre { ${C} postings { unit { id } cadre { ${C} } } }
        snapshot { score reasons blockers } live { cadreId reasons cadre { ${C} } }
        decisions { cadreId decision note decidedBy } } } } } }`,
  },
  slate: {
    covers: ['Slate.candidates', 'Query.posts', 'Post.slates', 'SavedSlate.members'],
    department: 'ok',
    takesUnit: true,
    takesPost: true,
    query: `query($u: ID, $p: ID!, $pu: ID!) {
      slate(postId: $p, unitId: $u, asOf: "${AS_OF}", first: 20) { candidates { cadreId reasons { code }
        candidate { cadreId cadre { ${C} } } } }
      posts(unitId: $pu) { slates { members { __typename cadreId hidden snapshot cadre { ${C} }
        decisions { cadreId } } } } }`,
  },
  vacancies: {
    covers: ['Query.vacancies'],
    department: 'ok',
    takesUnit: true,
    query: `query($u: ID) { vacancies(first: 10, unitId: $u, asOf: "${AS_OF}") { edges { node {
      post { slates { members { __typename cadreId hidden snapshot cadre { ${C} } decisions { cadreId } } } } } } } }`,
  },
  syncRuns: {
    covers: ['Query.syncRuns', 'SyncRun.results'],
    department: 'FORBIDDEN',
    takesUnit: false,
    query: `{ syncRuns(first: 25) { edges { node { id results(first: 25) { edges { node { externalId errors { message } } } } } } } }`,
  },
  auditLog: {
    covers: ['Query.auditLog'],
    department: 'FORBIDDEN',
    takesUnit: false,
    query: `{ auditLog(first: 25) { edges { node { entity entityId before after } } } }`,
  },
};

/** Every `Type.field` whose type is a list or a connection from which the Cadre type can be reached. */
function listFieldsReachingCadre(schema: GraphQLSchema): string[] {
  const reaches = new Map<string, boolean>();
  const reach = (type: GraphQLNamedType): boolean => {
    if (type.name === 'Cadre') return true;
    if (!isObjectType(type)) return false;
    const known = reaches.get(type.name);
    if (known !== undefined) return known;
    reaches.set(type.name, false); // a cycle back here adds nothing
    const found = Object.values(type.getFields()).some((f) => reach(getNamedType(f.type)));
    reaches.set(type.name, found);
    return found;
  };
  const isList = (type: GraphQLOutputType): boolean => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return true;
    const named = getNamedType(type);
    return isObjectType(named) && 'edges' in named.getFields() && 'pageInfo' in named.getFields();
  };
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    if ('edges' in fields && 'pageInfo' in fields) continue; // a connection: its parent field is the list
    for (const field of Object.values(fields)) {
      if (isList(field.type) && reach(getNamedType(field.type))) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('authorization matrix: the contents of every list that returns cadres', () => {
  let t: TestApp;
  let f: RankingFixture;
  /** A township chief of county B only. */
  let yan: string;
  /** A post by its unit (the city and each county). */
  const posts = new Map<string, string>();
  const postOf = (list: ListCase, unitId: string) =>
    list.takesPost ? { p: posts.get(unitId), pu: unitId } : {};

  beforeAll(async () => {
    t = await createTestApp();
    f = await rankingFixture(t.ds);
    yan = await townshipChief(t.ds, {
      name: 'Yan',
      deputyUnit: f.b1,
      chiefUnit: f.b1,
      deputyFrom: '2012-12-01',
      chiefFrom: '2016-12-01',
    });
    await makeAchievement(t.ds, yan, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'PROVINCE',
      achievedOn: '2024-05-01',
    });
    await t.ds.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, 2024, 'EXCELLENT')`, [yan]);
    // Claims awaiting a decision in both counties (achievementsToVerify).
    for (const cadreId of [yan, f.ids.ann, f.ids.bo]) {
      await makeAchievement(t.ds, cadreId, { status: 'CLAIMED', domain: 'CULTURAL_TOURISM' });
    }
    await sanction(t, yan);
    await rankGrant(t, yan);
    // Past the ten-year limit and ready for COUNTY_DEPUTY, one in each county (stuckTalent lists them).
    for (const [name, deputyUnit, chiefUnit] of [
      ['Old A', f.a2, f.a1],
      ['Old B', f.b1, f.b1],
    ]) {
      await townshipChief(t.ds, {
        name,
        deputyUnit,
        chiefUnit,
        deputyFrom: '2011-06-01',
        chiefFrom: '2015-06-01',
      });
    }
    // Names and external ids no other text contains, so the response may be searched for them.
    await t.ds.query(`UPDATE cadre SET name = 'name-' || id, external_id = 'ext-' || id`);
    // The prefecture's department fills each county's pool with a cadre of both counties.
    const city = t.token({ role: Role.ORG_DEPT, unitId: f.city, sub: 'od-city' });
    for (const [unitId, cadres] of [
      [f.countyA, [f.ids.ann, yan]],
      [f.countyB, [yan, f.ids.bo]],
    ] as const) {
      const pool = ok(
        await t.gql<{ createTalentPool: { id: string } }>(
          `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
          { i: { name: '后备', targetLevel: 'COUNTY_DEPUTY', unitId } },
          city,
        ),
      ).createTalentPool.id;
      for (const cadreId of cadres) {
        ok(
          await t.gql(
            `mutation($i: AddToPoolInput!) { addToPool(input: $i) { cadreId } }`,
            { i: { poolId: pool, cadreId, asOf: AS_OF, note: `note-${cadreId}` } },
            city,
          ),
        );
        ok(
          await t.gql(
            `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }`,
            {
              i: {
                poolId: pool,
                cadreId,
                decision: 'DEFERRED',
                effectiveDate: '2026-12-01',
                note: `why-${cadreId}`,
              },
            },
            city,
          ),
        );
      }
    }
    // A vacant COUNTY_DEPUTY post in the city and in each county, each with a slate the city's department saved
    // (candidates of both counties: a county reads the other county's members hidden).
    for (const unitId of [f.city, f.countyA, f.countyB]) {
      const [{ id }] = await t.ds.query<{ id: string }[]>(
        `INSERT INTO post (unit_id, title, level, approved_holders) VALUES ($1, '副县长', 'COUNTY_DEPUTY', 1) RETURNING id`,
        [unitId],
      );
      posts.set(unitId, id);
      ok(
        await t.gql(
          `mutation($i: SaveSlateInput!) { saveSlate(input: $i) { id } }`,
          { i: { postId: id, name: '人选', asOf: AS_OF, first: 50 } },
          city,
        ),
      );
    }
    // A sync run that names cadres of both counties (dry run: nothing changes).
    const hr = t.token({ role: Role.HR_SYNC, source: 'hr-main', sub: 'hr-main' });
    const [a, y] = await t.ds.query<{ external_id: string }[]>(
      `SELECT external_id FROM cadre WHERE id = ANY($1::uuid[]) ORDER BY id = $2`,
      [[f.ids.ann, yan], yan],
    );
    const record = (externalId: string) => ({
      externalId,
      name: 'x',
      gender: 'FEMALE',
      birthDate: '1985-05-05',
      workStartDate: '2008-07-01',
      educationLevel: 'BACHELOR',
    });
    ok(
      await t.gql(
        `mutation($input: SyncCadresInput!) { syncCadres(input: $input) { id } }`,
        {
          input: { source: 'hr-main', dryRun: true, records: [record(a.external_id), record(y.external_id)] },
        },
        hr,
      ),
    );
  });
  afterAll(() => t.close());

  it('names every list field of the schema from which cadres can be reached', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const covered = new Set(Object.values(LISTS).flatMap((c) => c.covers));
    const found = listFieldsReachingCadre(schema);
    const missing = found.filter((coordinate) => !covered.has(coordinate));
    if (missing.length > 0) {
      throw new Error(
        `No entry in test/e2e/authorization-matrix.e2e-spec.ts LISTS reads: ${missing.join(', ')}. ` +
          'Add one, so that the contents of the new list are checked against the jurisdiction.',
      );
    }
    expect(found).toEqual(expect.arrayContaining(['Query.cadres', 'TalentPool.members', 'Cadre.postings']));
    // Every coordinate an entry names exists (a renamed field must be renamed here too).
    for (const coordinate of covered) {
      const [type, field] = coordinate.split('.');
      const object = schema.getType(type);
      expect(
        isObjectType(object) && field in object.getFields() ? coordinate : `${coordinate} (missing)`,
      ).toBe(coordinate);
    }
  });

  /** The cadres a department may read, worked out here from the postings (not by AccessService). */
  async function readableBy(root: string): Promise<Set<string>> {
    const rows = await t.ds.query<{ id: string }[]>(
      `SELECT c.id FROM cadre c WHERE EXISTS (SELECT 1 FROM posting p JOIN unit u ON u.id = p.unit_id
         JOIN unit r ON r.id = $1 WHERE p.cadre_id = c.id AND u.path <@ r.path)
         OR NOT EXISTS (SELECT 1 FROM posting p WHERE p.cadre_id = c.id)`,
      [root],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Cadres a response returns: Cadre objects, and the cadreId of entries that are not hidden. */
  function returnedCadres(value: unknown, into = new Set<string>(), problems: string[] = []): Set<string> {
    if (Array.isArray(value)) value.forEach((v) => returnedCadres(v, into, problems));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return into;
    const o = value as Record<string, unknown>;
    if (o.hidden === true) {
      const shown = Object.entries(o).filter(
        ([k, v]) =>
          !['__typename', 'poolId', 'cadreId', 'hidden'].includes(k) &&
          v !== null &&
          !(Array.isArray(v) && v.length === 0),
      );
      if (shown.length > 0) problems.push(`a hidden entry shows ${shown.map(([k]) => k).join(', ')}`);
      return into;
    }
    if (o.__typename === 'Cadre' && typeof o.id === 'string') into.add(o.id);
    if (typeof o.cadreId === 'string') into.add(o.cadreId);
    Object.values(o).forEach((v) => returnedCadres(v, into, problems));
    return into;
  }

  it('gives every department only cadres of its jurisdiction, at every depth, with and without unitId', async () => {
    const failures: string[] = [];
    const all = await t.ds.query<{ id: string; name: string; external_id: string }[]>(
      `SELECT id, name, external_id FROM cadre`,
    );
    const departments = [
      { who: 'county A', root: f.countyA, unit: f.a1, elsewhere: f.b1 },
      { who: 'county B', root: f.countyB, unit: f.b1, elsewhere: f.a1 },
    ];
    for (const [name, list] of Object.entries(LISTS)) {
      // The administrator's answer proves the list holds cadres of both counties: a leak would show.
      if (list.department === 'ok') {
        const admin = returnedCadres(ok(await t.gql(list.query, { u: null, ...postOf(list, f.city) })));
        if (!admin.has(yan) || ![...admin].some((id) => id !== yan && id !== f.ids.eve)) {
          failures.push(`${name}: the fixture gives the administrator no cadres of both counties`);
        }
      }
      for (const d of departments) {
        const readable = await readableBy(d.root);
        const outside = all.filter((c) => !readable.has(c.id));
        const token = t.token({ role: Role.ORG_DEPT, unitId: d.root, sub: `od-${d.who}` });
        for (const unitId of list.takesUnit ? [null, d.unit, d.elsewhere] : [null]) {
          const label = `${name} as ${d.who}${unitId ? ` with unitId ${unitId === d.unit ? 'inside' : 'outside'}` : ''}`;
          const res = await t.gql(list.query, { u: unitId, ...postOf(list, d.root) }, token);
          const body = JSON.stringify(res);
          const leaked = outside.filter((c) => body.includes(c.name) || body.includes(c.external_id));
          if (leaked.length > 0) failures.push(`${label}: shows ${leaked.map((c) => c.name).join(', ')}`);
          const expected = unitId === d.elsewhere ? 'FORBIDDEN' : list.department;
          const got = res.errors?.length ? String(res.errors[0].extensions.code) : 'ok';
          if (got !== expected) failures.push(`${label}: expected ${expected}, got ${got}`);
          if (got !== 'ok') {
            if (res.data) failures.push(`${label}: ${got} with data ${body.slice(0, 200)}`);
            continue;
          }
          const problems: string[] = [];
          const returned = returnedCadres(res.data, new Set(), problems);
          failures.push(...problems.map((p) => `${label}: ${p}`));
          const foreign = [...returned].filter((id) => !readable.has(id));
          if (foreign.length > 0) failures.push(`${label}: returns ${foreign.length} cadres outside`);
          if (unitId === null && returned.size === 0)
            failures.push(`${label}: returns no cadre, checks nothing`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
