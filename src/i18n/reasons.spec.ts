import { DEFAULT_POLICY } from '../policy/default-policy';
import { citationOf, citationText, RULE_TEXTS, sentencesOf, withRuleTexts } from '../policy/rule-texts';
import { FLAG_RULES, RULE_IDS } from '../rules/registry';
import { PROMOTION_RULES } from '../rules/pathway';
import { FlagCode } from '../rules/codes';
import { SERVICE_ERROR_TEXTS } from './error-texts';
import { englishErrorText, ERROR_TEXT_KEYS, errorText, localizeErrorMessage } from './errors';
import { LOCALES } from './labels';
import { flagReasonCode, reasonCodes, renderReason, requirementReasonCode } from './reasons';

/** Every value any template reads, so a template that reads a missing one shows up as "undefined" or "{". */
const PARAMS = {
  nextLevel: 'COUNTY_DEPUTY',
  currentLevel: 'TOWNSHIP_CHIEF',
  level: 'COUNTY_DEPUTY',
  eligibleFrom: '2025-01-01',
  blockers: ['PROMO_WORK_YEARS', 'PROMO_TWO_POSTS'],
  appraisals: [
    { year: 2023, grade: 'EXCELLENT' },
    { year: 2024, grade: 'COMPETENT' },
  ],
  years: 13.24,
  count: 2,
  topRecognition: 'PROVINCE',
  hours: 120,
  windowYears: 5,
  domains: ['CULTURAL_TOURISM', 'TRANSPORT'],
  domain: 'CULTURAL_TOURISM',
  recognition: 'NATIONAL',
  percent: 87.8,
  date: '2024-03-01',
  from: '2021-11-28',
  to: '2026-11-27',
  since: '2014-06-01',
  limitYears: 10,
  limitDate: '2024-06-01',
  terms: 2,
  yearsAtLevel: 15.2,
  recruitedOn: '2019-07-01',
  minServiceYears: 5,
  minServiceMetOn: '2024-07-01',
  transferredOn: '2022-03-01',
  unitLevel: 'COUNTY',
  appointedOn: '2026-01-10',
  daysRequired: 30,
  deadline: '2027-01-10',
  overdue: false,
  year: 2026,
  hoursCompleted: 30,
  hoursRequired: 90,
  hoursMissing: 60,
  windowStart: '2021-11-28',
  windowEnd: '2026-11-27',
  kind: 'DEMERIT',
  effectEndsOn: '2027-03-15',
  criteria: ['COUNT', 'RECOGNITION', 'IMPROVEMENT'],
  recentCount: 2,
  highestRecognition: 'PROVINCE',
  bestImprovementPercent: 127.8,
  met: false,
  current: 3,
  required: 5,
  remaining: 2,
  dateMet: '2027-05-01',
};
// Names (an area, a document number, a stored sentence) are shown as written: Chinese in zh, Latin in en.
const NAMES = {
  'zh-CN': { areaName: '白河县', documentNumber: '白纪发〔2026〕5号', text: '旧快照的理由' },
  en: { areaName: 'Baihe', documentNumber: 'No. 5', text: 'An old reason' },
};

describe('reasons as data (src/i18n/reasons.ts)', () => {
  const known = new Set(reasonCodes());

  it('has both templates for every flag code each flag rule can raise, and PROMOTION_ELIGIBLE', () => {
    const emitted = [
      ...FLAG_RULES.flatMap((r) => r.codes.map((c) => flagReasonCode(r.id, c))),
      flagReasonCode('PATHWAY', FlagCode.PROMOTION_ELIGIBLE),
    ];
    expect(emitted.filter((c) => !known.has(c))).toEqual([]);
  });

  it('has both templates for every promotion requirement', () => {
    const emitted = PROMOTION_RULES.map((r) => requirementReasonCode(r.id));
    expect(emitted.filter((c) => !known.has(c))).toEqual([]);
  });

  it.each([...reasonCodes()])(
    '%s renders in Chinese without Latin words and in English without Chinese',
    (code) => {
      const zh = renderReason({ code, params: { ...PARAMS, ...NAMES['zh-CN'] } }, 'zh-CN');
      const en = renderReason({ code, params: { ...PARAMS, ...NAMES.en } }, 'en');
      for (const text of [zh, en]) {
        expect(text).not.toMatch(/undefined|null|NaN|\{|\[object/);
        expect(text.length).toBeGreaterThan(3);
      }
      expect(zh).not.toMatch(/[A-Za-z]{2,}/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
    },
  );

  it('names codes from the shared dictionary, numbers as people write them', () => {
    const r = {
      code: 'CANDIDATE_READY_NOW',
      params: { nextLevel: 'COUNTY_DEPUTY', eligibleFrom: '2018-09-01' },
    };
    expect(renderReason(r, 'zh-CN')).toBe('符合晋升县处级副职的全部条件（自 2018-09-01 起）。');
    expect(renderReason(r, 'en')).toBe('Meets every requirement for County deputy (since 2018-09-01).');
    expect(renderReason({ code: 'FACTOR_GRASSROOTS_YEARS', params: { years: 13.24 } }, 'zh-CN')).toBe(
      '基层工作 13.2 年。',
    );
  });

  it('shows an unknown code as itself with its params, never throws', () => {
    expect(renderReason({ code: 'NO_SUCH', params: { a: 1 } }, 'zh-CN')).toBe('NO_SUCH {"a":1}');
  });
});

describe('the policy in Chinese (src/policy/rule-texts.ts)', () => {
  it('gives every rule of the default policy a sentence in each locale and a citation', () => {
    const withTexts = withRuleTexts(DEFAULT_POLICY.rules);
    for (const id of RULE_IDS) {
      const rule = DEFAULT_POLICY.rules[id];
      // The English sentence is the default's, so the texts are found for it (stored with it or not).
      expect(RULE_TEXTS[id].sentences.en).toBe(rule.sentence);
      expect(sentencesOf(rule)).toEqual(RULE_TEXTS[id].sentences);
      expect(sentencesOf(withTexts[id])).toEqual(RULE_TEXTS[id].sentences);
      expect(sentencesOf(rule)['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      const citation = citationOf(rule);
      expect(citation).toEqual(RULE_TEXTS[id].citation);
      for (const ref of citation?.references ?? []) expect(ref.title).toMatch(/^[^A-Za-z]+$/);
      if (citation?.basis === 'LOCAL_CHOICE') expect(citation.note).not.toBeNull();
    }
  });

  it('writes a citation in Chinese with 第…条 and in English with art.', () => {
    const c = citationOf(DEFAULT_POLICY.rules.PROMO_TIME_IN_LEVEL)!;
    expect(citationText(c, 'zh-CN')).toBe(
      '《党政领导干部选拔任用工作条例》（2019）第八条第（三）项；《公务员职务与职级并行规定》（2019）；全国规定的默认值',
    );
    expect(citationText(c, 'en')).toBe(
      'Regulations on the Selection and Appointment of Party and Government Leaders (2019) art. 8(3); Provisions on Parallel Posts and Ranks for Civil Servants (2019); national default',
    );
  });
});

describe('server error texts (src/i18n/errors.ts)', () => {
  it.each(ERROR_TEXT_KEYS)('%s has a Chinese text with its params filled', (key) => {
    // The params the sentence names (in either locale), each given a value.
    const own = (SERVICE_ERROR_TEXTS as Record<string, { 'zh-CN': string; en: string } | undefined>)[key];
    const names = own ? [...`${own['zh-CN']} ${own.en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) : [];
    const params = {
      field: 'unitId',
      what: 'Cadre',
      id: 'x',
      n: '10',
      breaches: '回避：…',
      ...Object.fromEntries(names.map((n) => [n, '1'])),
    };
    const zh = localizeErrorMessage('English', errorText(key, params), 'zh-CN');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toMatch(/\{/);
    if (own) {
      expect(englishErrorText(errorText(key, params))).not.toMatch(/\{/);
      expect(
        localizeErrorMessage(englishErrorText(errorText(key, params)), errorText(key, params), 'en'),
      ).toBe(englishErrorText(errorText(key, params)));
    }
  });

  it('keeps English as built, and a message without a known shape as written', () => {
    for (const locale of LOCALES)
      expect(localizeErrorMessage('As written.', undefined, locale)).toBe('As written.');
    expect(
      localizeErrorMessage(
        'Cadre x does not exist.',
        errorText('NOT_FOUND', { what: 'Cadre', id: 'x' }),
        'en',
      ),
    ).toBe('Cadre x does not exist.');
    expect(
      localizeErrorMessage(
        'Cadre x does not exist.',
        errorText('NOT_FOUND', { what: 'Cadre', id: 'x' }),
        'zh-CN',
      ),
    ).toBe('干部不存在：x。');
  });
});
