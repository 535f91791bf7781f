import { DOCUMENT_TITLES_EN } from '../i18n/labels';
import { CitationReference, LocalizedText, RuleCitation, RuleDefinition, RuleId } from './policy.types';

/**
 * Each default rule's sentence in Chinese and English and its source as a structured citation, kept in the policy
 * document (DEFAULT_POLICY adds them to its rules, so a published version carries them). A version stored before
 * they existed falls back, per rule, to these texts when its sentence (or source) is the default's, else to its own
 * text in both locales (sentencesOf, citationOf).
 */

const ref = (title: string, year: number | null, article: string | null, articleEn: string | null) =>
  ({ title, year, article, articleEn }) satisfies CitationReference;

const SELECTION = (article: string, en: string) => ref('党政领导干部选拔任用工作条例', 2019, article, en);
const EXCHANGE = ref('党政领导干部交流工作规定', 2006, '第五条', 'art. 5');
const TENURE = (article: string, en: string) => ref('党政领导干部职务任期暂行规定', 2006, article, en);
const TRAINING = ref('干部教育培训工作条例', 2023, '第十四条', 'art. 14');
const PARALLEL = ref('公务员职务与职级并行规定', 2019, null, null);
const CIVIL_SERVANT_LAW = ref('中华人民共和国公务员法', 2018, '第六十四条', 'art. 64');
const GOV_SANCTIONS = ref('中华人民共和国公职人员政务处分法', 2020, '第七条、第八条', 'arts. 7–8');
const PARTY_DISCIPLINE = ref('中国共产党纪律处分条例', 2023, '第十条至第十二条', 'arts. 10–12');

const national = (references: CitationReference[], note: LocalizedText | null = null): RuleCitation => ({
  basis: 'NATIONAL_DEFAULT',
  references,
  note,
});
const local = (references: CitationReference[], note: LocalizedText | null): RuleCitation => ({
  basis: 'LOCAL_CHOICE',
  references,
  note,
});
const VERIFY: LocalizedText = {
  'zh-CN': '条款序号请与原文核对。',
  en: 'Verify the article numbers with the text.',
};
const PRODUCT: LocalizedText = {
  'zh-CN': '无全国统一规定，为本系统默认取值，可按本地政策调整。',
  en: 'No national text sets it: a default of this service, to be set by local policy.',
};

export const RULE_TEXTS: Record<RuleId, { sentences: LocalizedText; citation: RuleCitation }> = {
  POST_LIMIT_SAME_POST: {
    sentences: {
      'zh-CN': '领导干部在同一职位连续任职达到规定年限的，应当交流。',
      en: 'A leader who has served continuously in the same post for the limit must rotate.',
    },
    citation: national([EXCHANGE, ref('党政领导干部选拔任用工作条例', 2014, '第五十四条', 'art. 54')]),
  },
  LEVEL_LIMIT_SAME_AREA: {
    sentences: {
      'zh-CN': '领导干部在同一地区同一层级领导职务上任职达到规定年限的，一般应当交流。',
      en: "A leader who has served at the same level in one area's leadership for the limit should rotate.",
    },
    citation: national([EXCHANGE]),
  },
  TERM_LIMIT: {
    sentences: {
      'zh-CN': '领导干部在同一职位上连续任职不超过规定的任期数。',
      en: 'A leader may hold the same post for at most the given number of consecutive terms.',
    },
    citation: national([TENURE('第三条、第六条', 'arts. 3, 6')]),
  },
  LEVEL_TOTAL_LIMIT: {
    sentences: {
      'zh-CN':
        '领导干部在同一层次领导职务上累计任职达到规定年限的，不再推荐、提名或者任命担任同一层次领导职务（限制再次任命，不要求免职）。',
      en: 'A leader who has served at the same level for the limit in total is not nominated or appointed again to a post at that level (it bars the next appointment; it does not order removal).',
    },
    citation: national([TENURE('第七条', 'art. 7')]),
  },
  TOWNSHIP_MIN_SERVICE: {
    sentences: {
      'zh-CN': '新录用到乡镇的公务员，在乡镇机关最低服务年限内不得调往上级机关。',
      en: 'New township recruits serve a minimum period in the township before transfer upward.',
    },
    citation: local([ref('人社部发〔2014〕61号', 2014, null, null)], {
      'zh-CN': '各地招录公告规定 3 至 8 年不等，默认 5 年；请与本地招录公告核对。',
      en: 'Recruitment notices set 3 to 8 years; 5 by default. Verify with the local notice.',
    }),
  },
  WARNING_WINDOW: {
    sentences: {
      'zh-CN': '距期限届满不足此月数时，视为临近期限。',
      en: 'A limit is approaching within this many months before it is reached.',
    },
    citation: local([], PRODUCT),
  },
  REAPPOINTMENT_GAP: {
    sentences: {
      'zh-CN': '离任与再次任同一职位（或同一层次）之间间隔不超过此天数的（如换届前后），不中断连续任职。',
      en: 'A gap of up to this many days between a post and its re-appointment (e.g. around a re-election) does not break continuity in the post or the level.',
    },
    citation: local([], {
      'zh-CN': '本系统默认取值：人事记录在换届前后会先免后任。',
      en: 'A default of this service: HR records close and reopen posts around re-elections (换届).',
    }),
  },
  PROMO_WORK_YEARS: {
    sentences: {
      'zh-CN': '提任县处级副职以上领导职务，应当具有规定年限以上工作经历。',
      en: 'Promotion to county-level deputy or above needs this many years of work experience.',
    },
    citation: national([SELECTION('第八条第（一）项', 'art. 8(1)')]),
  },
  PROMO_GRASSROOTS_YEARS: {
    sentences: {
      'zh-CN': '提任县处级副职以上领导职务，应当具有规定年限以上基层工作经历。',
      en: 'Promotion to county-level deputy or above needs this many years of grassroots experience.',
    },
    citation: national([SELECTION('第八条第（一）项', 'art. 8(1)')]),
  },
  PROMO_TWO_POSTS: {
    sentences: {
      'zh-CN': '提任领导职务，应当具有在下一级两个以上职位（正副职合计）任职的经历。',
      en: 'Promotion needs experience in this many posts in the band below (its deputy and chief levels).',
    },
    citation: national([SELECTION('第八条第（二）项', 'art. 8(2)')]),
  },
  PROMO_TIME_IN_LEVEL: {
    sentences: {
      'zh-CN':
        '由副职提任同层次正职，应当在副职岗位任职两年以上；由正职提任上一层次副职，应当在正职岗位任职三年以上。',
      en: 'Deputy to chief of the same level needs 2 years at the deputy level; chief to the next deputy level, 3 years.',
    },
    citation: national([SELECTION('第八条第（三）项', 'art. 8(3)'), PARALLEL]),
  },
  PROMO_EDUCATION: {
    sentences: {
      'zh-CN':
        '担任领导职务一般应当具有大学专科以上文化程度；厅局级以上领导干部一般应当具有大学本科以上文化程度。',
      en: "Leadership posts need a college diploma; bureau-level deputy and above need a bachelor's degree.",
    },
    citation: national([SELECTION('第八条第（四）项', 'art. 8(4)')]),
  },
  PROMO_APPRAISAL: {
    sentences: {
      'zh-CN':
        '年度考核为基本称职、不定等次或不称职的年度，不计算职务、职级任职年限；每有一年为优秀，职级所需任职年限缩短 6 个月；考核不称职的，在其后考核为称职以上的年度结束前不得晋升；在某一层次任职的不满一年的首个年度不计算。',
      en: 'A BASICALLY_COMPETENT, UNGRADED or INCOMPETENT year does not count toward the time needed at a post or rank level; each EXCELLENT year shortens the time needed at a rank by 6 months; an INCOMPETENT year blocks promotion until a later year graded COMPETENT or better has ended; a partial first year at a level does not count.',
    },
    citation: local([PARALLEL, ref('公务员考核规定', 2020, null, null)], {
      'zh-CN': '按通常执行口径（二手资料），请与本地规定核对。',
      en: 'As commonly applied (secondary sources); verify locally.',
    }),
  },
  APPRAISAL_INCOMPETENT: {
    sentences: {
      'zh-CN':
        '年度考核被确定为不称职的，在其后一个自然年度内予以提示（注意）：应当降低一个职务或者职级层次，并不得晋升（见年度考核规则）。',
      en: 'A year appraised INCOMPETENT is flagged (WARNING) through the following calendar year: it leads to one step down in post or rank and blocks promotion (PROMO_APPRAISAL).',
    },
    citation: national(
      [ref('公务员考核规定', 2020, null, null), ref('中华人民共和国公务员法', 2018, null, null)],
      VERIFY,
    ),
  },
  PROMO_EXCEPTIONAL: {
    sentences: {
      'zh-CN':
        '专业性较强或者急需紧缺岗位可以破格提拔（仅限破格名单）：可不受所列资格限制，但试用期内、提任后不满一年的不得破格提拔，不得越两级提拔。',
      en: 'Exceptional (破格) promotion of a specialist, on an exceptional list only: the listed qualifications may be set aside, but not during probation, not within a year of the last promotion, and never two levels at once.',
    },
    citation: national([SELECTION('第九条', 'art. 9')]),
  },
  PROMO_NO_SANCTION_IN_EFFECT: {
    sentences: {
      'zh-CN':
        '处分或问责影响期内，不得晋升职务、职级（见处分影响期规则）；自最后一个影响期届满次日起，或自撤销、容错免责之日起满足。',
      en: 'No promotion in post or rank while a sanction or accountability measure is in its influence period (SANCTION_PERIODS); met from the day after the last running period ends, or from the day it was revoked or a 容错 decision lifted it.',
    },
    citation: national([CIVIL_SERVANT_LAW, GOV_SANCTIONS, PARTY_DISCIPLINE]),
  },
  SANCTION_PERIODS: {
    sentences: {
      'zh-CN':
        '各类处分和问责的影响期，自生效之日起按月计算；申诉撤销或容错免责的，自决定之日起终止（记录保留）。',
      en: 'The influence period of each kind of sanction or accountability measure, in months from its effective date; a revocation on appeal or a 容错 decision ends it from its date (the record stays).',
    },
    citation: national(
      [
        CIVIL_SERVANT_LAW,
        GOV_SANCTIONS,
        PARTY_DISCIPLINE,
        ref('关于对党员领导干部进行诫勉的规定', 2019, null, null),
        ref('组织处理规定（试行）', 2021, null, null),
        ref('关于进一步激励广大干部新时代新担当新作为的意见', 2018, null, null),
      ],
      VERIFY,
    ),
  },
  TRAINING_5Y: {
    sentences: {
      'zh-CN':
        '县处级副职以上领导干部和四级调研员以上职级公务员，每 5 年参加集中培训累计不少于 550 学时（或 3 个月），自进入该层次起计算，不满 5 年的按比例折算。',
      en: 'County-level deputies and above, and fourth-grade researchers and above, complete 550 class hours (or 3 months) of centralised training in any 5 years, counted from entry to that band and pro-rated until it has lasted 5 years.',
    },
    citation: national([TRAINING]),
  },
  TRAINING_ANNUAL: {
    sentences: {
      'zh-CN':
        '乡科级领导干部和一级主任科员以下职级公务员，每年参加集中培训累计不少于 90 学时（或 12 天）：以上一完整年度判定，当年按已过天数折算提示。',
      en: 'Township leaders, and first-grade principal staff members and below, complete 90 class hours (or 12 days) of centralised training a year: the last completed year is judged, the current one is shown pro-rated to the date.',
    },
    citation: national([TRAINING]),
  },
  INDUCTION_TRAINING: {
    sentences: {
      'zh-CN': '新提任领导干部应当在一年内完成任职培训：县处级以上 30 天，乡科级 15 天。',
      en: 'A newly appointed leader completes induction training within a year: 30 days at county level and above, 15 days at township level.',
    },
    citation: national([
      SELECTION('第八条第（五）项', 'art. 8(5)'),
      ref('公务员培训规定（试行）', 2008, null, null),
    ]),
  },
  PROMO_TRAINING: {
    sentences: {
      'zh-CN':
        '提任领导职务应当在提任前规定月数内参加任职培训；确因特殊情况未参加的，应当在提任后一年内完成，故未参加的予以提示但不妨碍提拔。',
      en: 'Promotion to a leadership post needs the induction training of INDUCTION_TRAINING (its kinds and days for the new level) taken within this many months before; where that was not possible it is due within a year after appointment, so missing training is shown but does not bar promotion.',
    },
    citation: national([SELECTION('第八条第（五）项', 'art. 8(5)')]),
  },
  PROMO_PARTY_AGE: {
    sentences: {
      'zh-CN': '担任党委职务应当具有党章规定的党龄：县级党委委员 3 年以上，省、市级党委委员 5 年以上。',
      en: 'A Party post needs the Party age the Party constitution sets: 3 years for county-level posts (members of county committees), 5 years for bureau-level posts (province and prefecture committees).',
    },
    citation: national(
      [SELECTION('第八条第（七）项', 'art. 8(7)'), ref('中国共产党章程', 2022, '第四章', 'ch. 4')],
      VERIFY,
    ),
  },
  SPECIALIST: {
    sentences: {
      'zh-CN':
        '截至评估日经核实的工作实绩认定某一领域的专业特长：5 年内 2 项，或 5 年内 1 项获省级以上认可，或 5 年内 1 项实测改善 50% 以上。',
      en: 'Achievements verified by the date make a specialist in a domain: 2 within 5 years, or 1 within 5 years recognised at province level or above, or 1 within 5 years with a measured improvement of 50% or more.',
    },
    citation: local([], PRODUCT),
  },
  RANK_FROM_POST: {
    sentences: {
      'zh-CN':
        '领导职务与职级并行：未单独晋升职级的，按所任领导职务对应的最低职级确定，任职时间计入该职级任职年限（如任乡科级副职满 2 年可晋升三级主任科员）。',
      en: 'A leadership post and a rank are held together: without a rank grant a leader holds the lowest rank corresponding to the post, and time in the post counts as time at that rank (e.g. 2 years as township deputy qualify for PRINCIPAL_STAFF_3).',
    },
    citation: national([PARALLEL], VERIFY),
  },
  AVOIDANCE: {
    sentences: {
      'zh-CN':
        '近亲属（夫妻关系、直系血亲关系、三代以内旁系血亲关系以及近姻亲关系）不得在同一单位领导班子任职，不得有直接上下级领导关系；县委书记、县长及组织、纪检监察、法院、检察院、公安部门主要负责人，不得在本人籍贯或出生地任职。',
      en: 'Close relatives (spouse, lineal relatives, collateral relatives within three generations, close in-laws) do not hold posts in the same unit’s leadership or in a direct reporting line (one a leader of a unit, the other in that unit or leading a unit directly under it); county Party secretaries, county heads and the heads of organisation, discipline inspection, courts, procuratorates and public security are not posted in the county of their native place or place of birth.',
    },
    citation: national(
      [
        ref('中华人民共和国公务员法', 2018, '第七十四条至第七十六条', 'arts. 74–76'),
        ref('党政领导干部任职回避暂行规定', 2006, null, null),
      ],
      VERIFY,
    ),
  },
  TEAM_STRUCTURE: {
    sentences: {
      'zh-CN':
        '单位领导班子至少有一名女干部、至少有一名年轻干部（乡科级 35 岁以下、县处级 40 岁以下、厅局级 45 岁以下），具有基层工作经历的成员不少于一半。',
      en: 'A unit’s leadership team has at least one woman, at least one young cadre (35 or under at township level, 40 at county level, 45 at bureau level), and at least half of its members have grassroots experience.',
    },
    citation: local([ref('党政领导干部选拔任用工作条例', 2019, null, null)], {
      'zh-CN': '年龄与女干部要求按地方通行做法设定；基层经历比例为本系统默认取值，可按本地政策调整。',
      en: 'The ages and the woman target as commonly set by local policy; the grassroots share is a default of this service, to be set by local policy.',
    }),
  },
};

/** The default rules with their sentences in each locale and their structured citations. */
export function withRuleTexts<T extends { [K in RuleId]: RuleDefinition<K> }>(rules: T): T {
  const out = { ...rules };
  for (const id of Object.keys(out) as RuleId[]) {
    const texts = RULE_TEXTS[id];
    if (texts) Object.assign(out, { [id]: { ...out[id], ...texts } });
  }
  return out;
}

/**
 * A stored rule's sentence in each locale: its own when the version has them; a version stored before they
 * existed gets the default's when its English sentence is the default's, else its own sentence in both.
 */
export function sentencesOf(rule: RuleDefinition): LocalizedText {
  if (rule.sentences) return rule.sentences;
  const texts = RULE_TEXTS[rule.id] as (typeof RULE_TEXTS)[RuleId] | undefined;
  if (texts && texts.sentences.en === rule.sentence) return texts.sentences;
  return { 'zh-CN': rule.sentence, en: rule.sentence };
}

/** A stored rule's citation, with the same fallback as sentencesOf; null when only its `source` line is known. */
export function citationOf(rule: RuleDefinition): RuleCitation | null {
  if (rule.citation) return rule.citation;
  const texts = RULE_TEXTS[rule.id] as (typeof RULE_TEXTS)[RuleId] | undefined;
  return texts && texts.sentences.en === rule.sentence ? texts.citation : null;
}

/** A cited document's English title: its own, else the shared dictionary's, else its Chinese title. */
export const titleEnOf = (r: CitationReference): string =>
  r.titleEn ?? DOCUMENT_TITLES_EN[r.title] ?? r.title;

/** A citation as one line in a locale: 《title》（year）article；basis. */
export function citationText(c: RuleCitation, locale: 'zh-CN' | 'en'): string {
  const zh = locale === 'zh-CN';
  const refs = c.references.map((r) =>
    zh
      ? `《${r.title}》${r.year ? `（${r.year}）` : ''}${r.article ?? ''}`
      : `${titleEnOf(r)}${r.year ? ` (${r.year})` : ''}${r.articleEn ? ` ${r.articleEn}` : ''}`,
  );
  const basis = zh
    ? c.basis === 'NATIONAL_DEFAULT'
      ? '全国规定的默认值'
      : '地方或本系统选择的取值'
    : c.basis === 'NATIONAL_DEFAULT'
      ? 'national default'
      : 'local choice';
  const parts = [...refs, basis, ...(c.note ? [c.note[locale]] : [])];
  return parts.join(zh ? '；' : '; ');
}
