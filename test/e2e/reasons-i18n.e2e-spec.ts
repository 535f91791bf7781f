import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { LABELS } from '../../src/i18n/labels';
import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { RULE_TEXTS, withRuleTexts } from '../../src/policy/rule-texts';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, GqlResult, ok, TestApp } from '../app-factory';

const AS_OF = '2026-11-27';
const CHINESE = /[\u4e00-\u9fff]/;
/** A Latin word of two letters or more: none may reach a Chinese reader (dates and numbers may). */
const LATIN_WORD = /[A-Za-z]{2,}/;

interface Reason {
  code: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * Reasons as data and the policy in Chinese (#17), over HTTP: Chinese by default, English by Accept-Language or
 * by the `locale` argument (which wins), on the demo seed as of 2026-11-27.
 */
describe('reasons, flags, requirements, snapshots, policy and errors in the caller’s locale', () => {
  let t: TestApp;
  let demo002: string;

  /** A query with the headers given; the admin's token unless another is named. */
  async function ask<T>(
    query: string,
    variables: Record<string, unknown> = {},
    opts: { lang?: string; token?: string } = {},
  ): Promise<GqlResult<T>> {
    const req = request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${opts.token ?? t.adminToken}`);
    if (opts.lang) req.set('accept-language', opts.lang);
    return (await req.send({ query, variables })).body as GqlResult<T>;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    [{ id: demo002 }] = await t.ds.query(`SELECT id FROM cadre WHERE external_id = 'DEMO-002'`);
  });
  afterAll(() => t.close());

  it('names specialty domains as table specialty_domain does (the dictionary the renderer and the web read)', async () => {
    const rows: { code: string; name_zh: string; name_en: string }[] = await t.ds.query(
      `SELECT code, name_zh, name_en FROM specialty_domain`,
    );
    expect(LABELS['zh-CN'].domain).toEqual(Object.fromEntries(rows.map((r) => [r.code, r.name_zh])));
    expect(LABELS.en.domain).toEqual(Object.fromEntries(rows.map((r) => [r.code, r.name_en])));
  });

  describe('candidate reasons', () => {
    const Q = `query($locale: String) {
      promotionCandidates(input: { targetLevel: "COUNTY_DEPUTY", asOf: "${AS_OF}" }, first: 50, locale: $locale) {
        edges { node { cadre { externalId } reasons reasonData { code params message }
                       blockers { code description reason { code params message } } } } } }`;
    type Page = {
      promotionCandidates: {
        edges: {
          node: {
            cadre: { externalId: string };
            reasons: string[];
            reasonData: Reason[];
            blockers: { code: string; description: string; reason: Reason }[];
          };
        }[];
      };
    };
    const head = (p: Page) =>
      p.promotionCandidates.edges.find((e) => e.node.cadre.externalId === 'DEMO-002')!.node;

    it('are Chinese by default: code and params, the message from them, the old strings the same', async () => {
      const c = head(ok(await ask<Page>(Q)));
      expect(c.reasonData[0]).toEqual({
        code: 'CANDIDATE_READY_NOW',
        params: { nextLevel: 'COUNTY_DEPUTY', eligibleFrom: '2018-09-01' },
        message: '符合晋升县处级副职的全部条件（自 2018-09-01 起）。',
      });
      expect(c.reasonData).toContainEqual({
        code: 'FACTOR_TIME_AT_LEVEL',
        params: { years: 11.2, level: 'TOWNSHIP_CHIEF' },
        message: '任乡科级正职 11.2 年。',
      });
      expect(c.reasons).toEqual(c.reasonData.map((r) => r.message));
      for (const r of c.reasons) {
        expect(r).toMatch(CHINESE);
        expect(r).not.toMatch(LATIN_WORD);
      }
      // The soft blocker, as data and in Chinese.
      expect(c.blockers).toEqual([
        {
          code: 'PROMO_TRAINING',
          description: RULE_TEXTS.PROMO_TRAINING.sentences['zh-CN'],
          reason: {
            code: 'REQUIREMENT.PROMO_TRAINING',
            params: { met: false, current: 15, required: 30, remaining: 30, dateMet: null },
            message: '任职前培训：未满足，现为 15 天，要求 30 天，尚差 30 天。',
          },
        },
      ]);
    });

    it('are English by Accept-Language, and the locale argument wins over the header', async () => {
      for (const [vars, lang] of [
        [{}, 'en-US,en;q=0.9'],
        [{ locale: 'en' }, 'zh-CN'],
      ] as const) {
        const c = head(ok(await ask<Page>(Q, vars, { lang })));
        expect(c.reasons[0]).toBe('Meets every requirement for County deputy (since 2018-09-01).');
        expect(c.reasonData[0].code).toBe('CANDIDATE_READY_NOW');
        expect(c.blockers[0].description).toBe(DEFAULT_POLICY.rules.PROMO_TRAINING.sentence);
        for (const r of c.reasons) expect(r).not.toMatch(CHINESE);
      }
      const zh = head(ok(await ask<Page>(Q, { locale: 'zh-CN' }, { lang: 'en' })));
      expect(zh.reasons[0]).toMatch(/^符合晋升县处级副职/);
    });

    it('refuses a locale it does not know, naming the argument', async () => {
      const res = await ask(Q, { locale: 'fr' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
      expect(res.errors?.[0].message).toBe('locale 的取值不在允许范围内。');
    });
  });

  describe('flags', () => {
    const Q = `query($id: ID!, $locale: String) { cadre(id: $id) {
      flags(asOf: "${AS_OF}", locale: $locale) { code ruleId message reason { code params message } } } }`;
    type Flags = { cadre: { flags: { code: string; ruleId: string; message: string; reason: Reason }[] } };

    it('carry code <ruleId>.<flag code> and the facts as params, the message in Chinese by default', async () => {
      const fs = ok(await ask<Flags>(Q, { id: demo002 })).cadre.flags;
      const area = fs.find((f) => f.ruleId === 'LEVEL_LIMIT_SAME_AREA')!;
      expect(area.reason.code).toBe('LEVEL_LIMIT_SAME_AREA.POSTING_LIMIT_EXCEEDED');
      expect(area.reason.params).toMatchObject({
        since: '2015-09-01',
        limitDate: '2025-09-01',
        level: 'TOWNSHIP_CHIEF',
      });
      expect(area.reason.message).toMatch(
        /^自 2015-09-01 起在同一地区（.+）担任乡科级正职领导职务，10 年期限已于 2025-09-01 届满，应当交流。$/,
      );
      const eligible = fs.find((f) => f.code === 'PROMOTION_ELIGIBLE')!;
      expect(eligible.reason).toEqual({
        code: 'PATHWAY.PROMOTION_ELIGIBLE',
        params: expect.objectContaining({ currentLevel: 'TOWNSHIP_CHIEF', nextLevel: 'COUNTY_DEPUTY' }),
        message: '符合由乡科级正职晋升县处级副职的全部条件。',
      });
      for (const f of fs) {
        expect(f.message).toBe(f.reason.message);
        expect(f.message).not.toMatch(LATIN_WORD);
      }
    });

    it('are English by Accept-Language or the locale argument', async () => {
      for (const [vars, lang] of [
        [{ id: demo002 }, 'en'],
        [{ id: demo002, locale: 'en' }, undefined],
      ] as const) {
        const fs = ok(await ask<Flags>(Q, vars, { lang })).cadre.flags;
        const post = fs.find((f) => f.ruleId === 'POST_LIMIT_SAME_POST')!;
        expect(post.message).toBe(
          'In the same post since 2015-09-01; the 10-year limit was reached on 2025-09-01.',
        );
        expect(fs.find((f) => f.code === 'PROMOTION_ELIGIBLE')?.message).toBe(
          'Meets every requirement to move from Township chief to County deputy.',
        );
      }
    });
  });

  describe('pathway requirements', () => {
    const Q = `query($id: ID!) { cadre(id: $id) { pathway(asOf: "${AS_OF}") {
      requirements { code met description reason { code params message } } } } }`;
    type Pathway = {
      cadre: {
        pathway: { requirements: { code: string; met: boolean; description: string; reason: Reason }[] };
      };
    };

    it('give each requirement as data with its message, and the rule’s sentence, in the reader’s locale', async () => {
      const zh = ok(await ask<Pathway>(Q, { id: demo002 })).cadre.pathway.requirements;
      const en = ok(await ask<Pathway>(Q, { id: demo002 }, { lang: 'en' })).cadre.pathway.requirements;
      const work = zh.find((r) => r.code === 'PROMO_WORK_YEARS')!;
      expect(work.met).toBe(true);
      expect(work.reason.code).toBe('REQUIREMENT.PROMO_WORK_YEARS');
      expect(work.reason.message).toMatch(
        /^工作经历年限：已满足（现为 [\d.]+ 年，要求 5 年，自 \d{4}-\d\d-\d\d 起满足）。$/,
      );
      expect(work.description).toBe('提任县处级副职以上领导职务，应当具有规定年限以上工作经历。');
      expect(en.find((r) => r.code === 'PROMO_WORK_YEARS')?.description).toBe(
        DEFAULT_POLICY.rules.PROMO_WORK_YEARS.sentence,
      );
      expect(en.find((r) => r.code === 'PROMO_WORK_YEARS')?.reason.message).toMatch(
        /^Work experience: met \([\d.]+ years, 5 years required; since \d{4}-\d\d-\d\d\)\.$/,
      );
      for (const r of zh) {
        expect(r.reason.message).not.toMatch(LATIN_WORD);
        expect(r.description).toMatch(CHINESE);
      }
    });
  });

  describe('talent-pool snapshots', () => {
    const MEMBERS = `query($id: ID!, $locale: String) { talentPool(id: $id) {
      members(asOf: "${AS_OF}", locale: $locale) { snapshot { reasons reasonData { code params message } } } } }`;
    type Members = { talentPool: { members: { snapshot: { reasons: string[]; reasonData: Reason[] } }[] } };
    let poolId: string;

    beforeAll(async () => {
      const [{ id: root }]: { id: string }[] = await t.ds.query(
        `SELECT id FROM unit WHERE parent_id IS NULL ORDER BY code LIMIT 1`,
      );
      poolId = ok(
        await ask<{ createTalentPool: { id: string } }>(
          `mutation($i: CreateTalentPoolInput!) { createTalentPool(input: $i) { id } }`,
          { i: { name: '副县级后备干部', targetLevel: 'COUNTY_DEPUTY', unitId: root } },
        ),
      ).createTalentPool.id;
      ok(
        await ask(`mutation($i: AddToPoolInput!) { addToPool(input: $i) { cadreId } }`, {
          i: { poolId, cadreId: demo002, asOf: AS_OF },
        }),
      );
    });

    it('keep code + params, so they re-render in each reader’s locale', async () => {
      const [stored]: { snapshot: { reasons: unknown[] } }[] = await t.ds.query(
        `SELECT snapshot FROM talent_pool_member WHERE pool_id = $1`,
        [poolId],
      );
      expect(stored.snapshot.reasons[0]).toEqual({
        code: 'CANDIDATE_READY_NOW',
        params: { nextLevel: 'COUNTY_DEPUTY', eligibleFrom: '2018-09-01' },
      });
      const zh = ok(await ask<Members>(MEMBERS, { id: poolId })).talentPool.members[0].snapshot;
      const en = ok(await ask<Members>(MEMBERS, { id: poolId, locale: 'en' })).talentPool.members[0].snapshot;
      expect(zh.reasons[0]).toBe('符合晋升县处级副职的全部条件（自 2018-09-01 起）。');
      expect(en.reasons[0]).toBe('Meets every requirement for County deputy (since 2018-09-01).');
      expect(zh.reasonData.map((r) => r.code)).toEqual(en.reasonData.map((r) => r.code));
    });

    it('show a snapshot stored before reasons were data as it was written (code TEXT)', async () => {
      await t.asOwner(
        `UPDATE talent_pool_member SET snapshot = jsonb_set(snapshot, '{reasons}', $2::jsonb) WHERE pool_id = $1`,
        [poolId, JSON.stringify(['Meets every requirement for COUNTY_DEPUTY (since 2018-09-01).'])],
      );
      const zh = ok(await ask<Members>(MEMBERS, { id: poolId })).talentPool.members[0].snapshot;
      expect(zh.reasonData).toEqual([
        {
          code: 'TEXT',
          params: { text: 'Meets every requirement for COUNTY_DEPUTY (since 2018-09-01).' },
          message: 'Meets every requirement for COUNTY_DEPUTY (since 2018-09-01).',
        },
      ]);
    });
  });

  describe('server errors', () => {
    it('NOT_FOUND, FORBIDDEN and input checks in Chinese by default and English on request; codes unchanged', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const Q = `query($id: ID!) { cadre(id: $id) { id } }`;
      const zh = await ask(Q, { id: missing });
      const en = await ask(Q, { id: missing }, { lang: 'en' });
      expect(zh.errors?.[0]).toMatchObject({
        message: `干部不存在：${missing}。`,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(en.errors?.[0]).toMatchObject({
        message: `Cadre ${missing} does not exist.`,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(zh.errors?.[0].extensions).not.toHaveProperty('messageText');

      const cadre = t.token({ role: Role.CADRE, cadreId: demo002 });
      const P = `{ promotionCandidates(input: { targetLevel: "COUNTY_DEPUTY" }) { totalCount } }`;
      expect((await ask(P, {}, { token: cadre })).errors?.[0]).toMatchObject({
        message: '无权执行此操作。',
        extensions: { code: 'FORBIDDEN' },
      });
      expect((await ask(P, {}, { token: cadre, lang: 'en' })).errors?.[0].message).toBe(
        'You are not allowed to do this.',
      );

      const bad = `{ promotionCandidates(input: { targetLevel: "county deputy" }) { totalCount } }`;
      const input = await ask(bad);
      expect(input.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.targetLevel',
      });
      expect(input.errors?.[0].message).toBe('input.targetLevel 的格式不正确。');
      expect((await ask(bad, {}, { lang: 'en' })).errors?.[0].message).toBe(
        'targetLevel must be a level code such as COUNTY_DEPUTY',
      );
    });
  });

  describe('the policy in Chinese', () => {
    const Q = `query($asOf: Date, $locale: String) { policy(asOf: $asOf, locale: $locale) { version rules {
      id sentence source sentences { zhCN en }
      citation { basis references { title year article articleEn } note { zhCN en } text } } } }`;
    type PolicyOut = {
      policy: {
        version: number;
        rules: {
          id: string;
          sentence: string;
          source: string;
          sentences: { zhCN: string; en: string };
          citation: {
            basis: string;
            references: {
              title: string;
              year: number | null;
              article: string | null;
              articleEn: string | null;
            }[];
            note: { zhCN: string; en: string } | null;
            text: string;
          } | null;
        }[];
      };
    };
    const rule = (p: PolicyOut, id: string) => p.policy.rules.find((r) => r.id === id)!;

    it('gives each rule its sentence in both locales and its source as a structured citation', async () => {
      const zh = ok(await ask<PolicyOut>(Q, { asOf: AS_OF }));
      const time = rule(zh, 'PROMO_TIME_IN_LEVEL');
      expect(time.sentence).toBe(time.sentences.zhCN);
      expect(time.citation).toEqual({
        basis: 'NATIONAL_DEFAULT',
        references: [
          {
            title: '党政领导干部选拔任用工作条例',
            year: 2019,
            article: '第八条第（三）项',
            articleEn: 'art. 8(3)',
          },
          { title: '公务员职务与职级并行规定', year: 2019, article: null, articleEn: null },
        ],
        note: null,
        text: '《党政领导干部选拔任用工作条例》（2019）第八条第（三）项；《公务员职务与职级并行规定》（2019）；全国规定的默认值',
      });
      expect(time.source).toBe(time.citation!.text);
      expect(rule(zh, 'WARNING_WINDOW').citation).toMatchObject({ basis: 'LOCAL_CHOICE', references: [] });
      for (const r of zh.policy.rules) {
        expect(r.sentence).toMatch(CHINESE);
        expect(r.source).not.toMatch(/Product choice|art\./);
      }
      const en = ok(await ask<PolicyOut>(Q, { asOf: AS_OF, locale: 'en' }));
      expect(rule(en, 'PROMO_TIME_IN_LEVEL').sentence).toBe(
        DEFAULT_POLICY.rules.PROMO_TIME_IN_LEVEL.sentence,
      );
      expect(rule(en, 'PROMO_TIME_IN_LEVEL').source).toBe(
        'Regulations on the Selection and Appointment of Party and Government Leaders (2019) art. 8(3); Provisions on Parallel Posts and Ranks for Civil Servants (2019); national default',
      );
    });

    it('keeps the texts a version is published with, and falls back per rule for one without them', async () => {
      const texts = withRuleTexts(DEFAULT_POLICY.rules);
      const { sentences: _s, citation: _c, ...termLimit } = texts.TERM_LIMIT;
      const rules = {
        ...texts,
        // Published with its own Chinese sentence: that is what a Chinese reader gets.
        PROMO_WORK_YEARS: {
          ...texts.PROMO_WORK_YEARS,
          sentences: { 'zh-CN': '本地：提任县处级副职须有六年工作经历。', en: 'Locally: six years of work.' },
        },
        // No texts and a sentence of its own: its own sentence in both locales, its source line.
        TERM_LIMIT: { ...termLimit, sentence: 'Two terms at most, locally.' },
      };
      await t.asOwner(
        `INSERT INTO policy_version (version, effective_from, document, note, published_by)
         VALUES ((SELECT max(version) + 1 FROM policy_version), DATE '2031-01-01', $1::jsonb, 'with texts', 'test')`,
        [JSON.stringify({ ...DEFAULT_POLICY, rules })],
      );
      const p = ok(await ask<PolicyOut>(Q, { asOf: '2031-06-01' }));
      expect(rule(p, 'PROMO_WORK_YEARS').sentence).toBe('本地：提任县处级副职须有六年工作经历。');
      expect(rule(p, 'PROMO_WORK_YEARS').citation?.references[0].article).toBe('第八条第（一）项');
      expect(rule(p, 'TERM_LIMIT')).toMatchObject({
        sentence: 'Two terms at most, locally.',
        sentences: { zhCN: 'Two terms at most, locally.', en: 'Two terms at most, locally.' },
        citation: null,
        source: DEFAULT_POLICY.rules.TERM_LIMIT.source,
      });
      // Version 1 (stored without texts) still reads in Chinese: its sentences are the default's.
      const v1 = ok(await ask<PolicyOut>(Q, { asOf: AS_OF }));
      expect(rule(v1, 'PROMO_WORK_YEARS').sentence).toBe(RULE_TEXTS.PROMO_WORK_YEARS.sentences['zh-CN']);
    });
  });
});
