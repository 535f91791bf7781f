/**
 * Reasons as data: every reason, blocker and flag message the API gives is a stable `code` with typed `params`
 * (level, grade, domain and unit-kind codes, dates as YYYY-MM-DD, numbers), and this one renderer turns it into a
 * sentence in a locale, naming codes from the one dictionary (labels.ts). The API renders with it for the caller's
 * locale; the web page imports it to render the same codes; stored snapshots keep code + params and re-render.
 * Chinese first; every template exists in both locales (reasons.spec.ts checks every code the rules can emit).
 */
import { fmt, LABELS, labelOf, type Labels, type Locale } from './labels';

export type ReasonParams = Record<string, unknown>;

/** A reason as the rules and readers produce it, before it is rendered. */
export interface ReasonData {
  code: string;
  params: ReasonParams;
}

type Template = (p: ReasonParams, l: Labels) => string;

const str = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '' : JSON.stringify(v);
};
/** Numbers as people write them: at most one decimal, no trailing zeros (12.0 → 12). */
const num = (v: unknown): string => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : str(v);
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const names = (dict: Record<string, string>, v: unknown, sep: string): string =>
  list(v)
    .map((c) => labelOf(dict, c))
    .join(sep);
const exceeded = (code: string) => code.endsWith('POSTING_LIMIT_EXCEEDED');

/** The sentence of one code in each locale. */
type Templates = Record<Locale, Template>;

const ZH_SEP = '、';
const EN_SEP = ', ';

/** Candidate list reasons: readiness, then the factors of the score. */
const CANDIDATE: Record<string, Templates> = {
  CANDIDATE_READY_NOW: {
    'zh-CN': (p, l) =>
      `符合晋升${labelOf(l.level, str(p.nextLevel))}的全部条件${p.eligibleFrom ? `（自 ${str(p.eligibleFrom)} 起）` : ''}。`,
    en: (p, l) =>
      `Meets every requirement for ${labelOf(l.level, str(p.nextLevel))}${p.eligibleFrom ? ` (since ${str(p.eligibleFrom)})` : ''}.`,
  },
  CANDIDATE_READY_SOON: {
    'zh-CN': (p, l) =>
      `若仅需时间，将于 ${str(p.eligibleFrom)} 符合晋升${labelOf(l.level, str(p.nextLevel))}的全部条件。`,
    en: (p, l) =>
      `Will meet every requirement for ${labelOf(l.level, str(p.nextLevel))} on ${str(p.eligibleFrom)} if only time passes.`,
  },
  CANDIDATE_NOT_READY: {
    'zh-CN': (p, l) =>
      `尚不具备晋升${labelOf(l.level, str(p.nextLevel))}的条件：尚缺${names(l.requirement, p.blockers, ZH_SEP)}${p.eligibleFrom ? `（若仅需时间，${str(p.eligibleFrom)} 可满足）` : ''}。`,
    en: (p, l) =>
      `Not yet ready for ${labelOf(l.level, str(p.nextLevel))}: ${names(l.requirement, p.blockers, EN_SEP)}${p.eligibleFrom ? ` (met on ${str(p.eligibleFrom)} if only time passes)` : ''}.`,
  },
  FACTOR_APPRAISAL: {
    'zh-CN': (p, l) =>
      `年度考核：${appraisals(p)
        .map((a) => `${a.year} 年${labelOf(l.grade, a.grade)}`)
        .join(ZH_SEP)}。`,
    en: (p, l) =>
      `Appraisals: ${appraisals(p)
        .map((a) => `${a.year} ${labelOf(l.grade, a.grade)}`)
        .join(EN_SEP)}.`,
  },
  FACTOR_GRASSROOTS_YEARS: {
    'zh-CN': (p) => `基层工作 ${num(p.years)} 年。`,
    en: (p) => `${num(p.years)} years in grassroots units.`,
  },
  FACTOR_ACHIEVEMENTS: {
    'zh-CN': (p, l) =>
      `经核实的工作实绩 ${num(p.count)} 项，最高获${labelOf(l.recognition, str(p.topRecognition))}认可。`,
    en: (p, l) =>
      `${num(p.count)} verified achievement${Number(p.count) === 1 ? '' : 's'}, the highest recognised at ${labelOf(l.recognition, str(p.topRecognition))} level.`,
  },
  FACTOR_TRAINING: {
    'zh-CN': (p) => `近 ${num(p.windowYears)} 年完成培训 ${num(p.hours)} 学时。`,
    en: (p) => `${num(p.hours)} class hours completed in the last ${num(p.windowYears)} years.`,
  },
  FACTOR_TIME_AT_LEVEL: {
    'zh-CN': (p, l) => `任${labelOf(l.level, str(p.level))} ${num(p.years)} 年。`,
    en: (p, l) => `${num(p.years)} years at ${labelOf(l.level, str(p.level))}.`,
  },
  FACTOR_SPECIALIST_MATCH: {
    'zh-CN': (p, l) => `在${names(l.domain, p.domains, ZH_SEP)}领域有专业特长。`,
    en: (p, l) => `Specialist strength in ${names(l.domain, p.domains, EN_SEP)}.`,
  },
  EVIDENCE_RECOGNITION: {
    'zh-CN': (p, l) =>
      `${labelOf(l.domain, str(p.domain))}领域实绩最高获${labelOf(l.recognition, str(p.recognition))}认可。`,
    en: (p, l) =>
      `Highest recognition in ${labelOf(l.domain, str(p.domain))}: ${labelOf(l.recognition, str(p.recognition))}.`,
  },
  EVIDENCE_IMPACT: {
    'zh-CN': (p) => `实测成效最高改善 ${num(p.percent)}%。`,
    en: (p) => `Best measured improvement: ${num(p.percent)}%.`,
  },
  EVIDENCE_RECENCY: {
    'zh-CN': (p, l) => `${labelOf(l.domain, str(p.domain))}领域最近一项经核实的实绩于 ${str(p.date)}。`,
    en: (p, l) => `Latest verified achievement in ${labelOf(l.domain, str(p.domain))} on ${str(p.date)}.`,
  },
  EVIDENCE_COUNT: {
    'zh-CN': (p, l) =>
      `${num(p.windowYears)} 年内在${labelOf(l.domain, str(p.domain))}领域有经核实的实绩 ${num(p.count)} 项。`,
    en: (p, l) =>
      `${num(p.count)} verified achievement${Number(p.count) === 1 ? '' : 's'} in ${labelOf(l.domain, str(p.domain))} within ${num(p.windowYears)} years.`,
  },
  TRAINING_NONE_IN_WINDOW: {
    'zh-CN': (p) => `${str(p.from)} 至 ${str(p.to)} 未完成任何培训。`,
    en: (p) => `No completed training from ${str(p.from)} to ${str(p.to)}.`,
  },
  TRAINING_LONG_SERVICE_NO_STUDY: {
    'zh-CN': (p) =>
      `基层工作 ${num(p.years)} 年，自 ${str(p.since)} 以来无在职学历教育，也未在党校、行政学院或高校学习。`,
    en: (p) =>
      `${num(p.years)} years in grassroots units, with no in-service degree and no party-school, administration-institute or university study since ${str(p.since)}.`,
  },
  /** A reason stored as text before reasons were data (old pool snapshots): shown as it was written. */
  TEXT: { 'zh-CN': (p) => str(p.text), en: (p) => str(p.text) },
};

const appraisals = (p: ReasonParams): { year: number; grade: string }[] =>
  Array.isArray(p.appraisals) ? (p.appraisals as { year: number; grade: string }[]) : [];

/** "已" or "将", "was" or "will be": an exceeded limit is past, an approaching one ahead. */
const zhWhen = (code: string) => (exceeded(code) ? '已' : '将');
const enWhen = (code: string) => (exceeded(code) ? 'was reached' : 'will be reached');

/**
 * Flag messages by rule, over the flag's facts (its params); a flag's reason code is `<ruleId>.<flag code>`,
 * e.g. POST_LIMIT_SAME_POST.POSTING_LIMIT_EXCEEDED.
 */
type FlagTemplate = (p: ReasonParams, l: Labels, code: string) => string;
const FLAG: Record<string, { codes: readonly string[] } & Record<Locale, FlagTemplate>> = {
  POST_LIMIT_SAME_POST: {
    codes: ['POSTING_LIMIT_EXCEEDED', 'POSTING_LIMIT_APPROACHING'],
    'zh-CN': (p, _l, c) =>
      `自 ${str(p.since)} 起在同一职位任职，${num(p.limitYears)} 年期限${zhWhen(c)}于 ${str(p.limitDate)} 届满。`,
    en: (p, _l, c) =>
      `In the same post since ${str(p.since)}; the ${num(p.limitYears)}-year limit ${enWhen(c)} on ${str(p.limitDate)}.`,
  },
  LEVEL_LIMIT_SAME_AREA: {
    codes: ['POSTING_LIMIT_EXCEEDED', 'POSTING_LIMIT_APPROACHING'],
    'zh-CN': (p, l, c) =>
      `自 ${str(p.since)} 起在同一地区${p.areaName ? `（${str(p.areaName)}）` : ''}担任${labelOf(l.level, str(p.level))}领导职务，${num(p.limitYears)} 年期限${zhWhen(c)}于 ${str(p.limitDate)} 届满，应当交流。`,
    en: (p, l, c) =>
      `At ${labelOf(l.level, str(p.level))} in one area's leadership${p.areaName ? ` (${str(p.areaName)})` : ''} since ${str(p.since)}; the ${num(p.limitYears)}-year limit ${enWhen(c)} on ${str(p.limitDate)}.`,
  },
  TERM_LIMIT: {
    codes: ['POSTING_LIMIT_EXCEEDED', 'POSTING_LIMIT_APPROACHING'],
    'zh-CN': (p, _l, c) =>
      `同一职位连续任职自 ${str(p.since)} 起，${num(p.terms)} 个任期${zhWhen(c)}于 ${str(p.limitDate)} 届满，不再连任。`,
    en: (p, _l, c) =>
      `In the same post since ${str(p.since)}: ${num(p.terms)} consecutive terms ${exceeded(c) ? 'were completed' : 'will be completed'} on ${str(p.limitDate)}; a further term is barred.`,
  },
  LEVEL_TOTAL_LIMIT: {
    codes: ['POSTING_LIMIT_EXCEEDED', 'POSTING_LIMIT_APPROACHING'],
    'zh-CN': (p, l, c) =>
      `在${labelOf(l.level, str(p.level))}层次累计任职 ${num(p.yearsAtLevel)} 年，${num(p.limitYears)} 年期限${zhWhen(c)}于 ${str(p.limitDate)} 届满，不再推荐、提名或任命担任同一层次职务。`,
    en: (p, l, c) =>
      `${num(p.yearsAtLevel)} years in total at ${labelOf(l.level, str(p.level))}; the ${num(p.limitYears)}-year limit ${enWhen(c)} on ${str(p.limitDate)}.`,
  },
  TOWNSHIP_MIN_SERVICE: {
    codes: ['MIN_SERVICE_NOT_MET'],
    'zh-CN': (p, l) =>
      `${str(p.recruitedOn)} 录用到乡镇，最低服务期 ${num(p.minServiceYears)} 年至 ${str(p.minServiceMetOn)} 届满；${str(p.transferredOn)} 调往${labelOf(l.unitLevel, str(p.unitLevel))}单位，早于期满。`,
    en: (p, l) =>
      `Recruited to a township on ${str(p.recruitedOn)}; the ${num(p.minServiceYears)}-year minimum service is met on ${str(p.minServiceMetOn)}, but the cadre moved to a ${labelOf(l.unitLevel, str(p.unitLevel))} unit on ${str(p.transferredOn)}.`,
  },
  INDUCTION_TRAINING: {
    codes: ['INDUCTION_TRAINING_DUE'],
    'zh-CN': (p, l) =>
      `${str(p.appointedOn)} 任${labelOf(l.level, str(p.level))}，此后未参加 ${num(p.daysRequired)} 天以上的任职培训（${p.overdue ? '自' : '应于'} ${str(p.deadline)} ${p.overdue ? '起已逾期' : '前完成'}）。`,
    en: (p, l) =>
      `Appointed ${labelOf(l.level, str(p.level))} on ${str(p.appointedOn)}; no induction training of ${num(p.daysRequired)} days or more since then (${p.overdue ? 'overdue since' : 'due by'} ${str(p.deadline)}).`,
  },
  TRAINING_ANNUAL: {
    codes: ['TRAINING_SHORTFALL'],
    'zh-CN': (p) => `${str(p.year)} 年${trainingZh(p)}`,
    en: (p) => `${trainingEn(p)} in ${str(p.year)}${proRatedEn(p)}; ${num(p.hoursMissing)} hours missing.`,
  },
  TRAINING_5Y: {
    codes: ['TRAINING_SHORTFALL'],
    'zh-CN': (p) => `${str(p.windowStart)} 至 ${str(p.windowEnd)} ${trainingZh(p)}`,
    en: (p) =>
      `${trainingEn(p)} from ${str(p.windowStart)} to ${str(p.windowEnd)}${proRatedEn(p)}; ${num(p.hoursMissing)} hours missing.`,
  },
  APPRAISAL_INCOMPETENT: {
    codes: ['APPRAISAL_INCOMPETENT'],
    'zh-CN': (p, l) =>
      `${str(p.year)} 年度考核为${labelOf(l.grade, str(p.grade))}，自 ${str(p.flaggedFrom)} 起关注至 ${str(p.flaggedUntil)}：应降低一个职务或者职级层次，满足考核条件前不得晋升。`,
    en: (p, l) =>
      `Appraised ${labelOf(l.grade, str(p.grade))} for ${str(p.year)}; flagged from ${str(p.flaggedFrom)} until ${str(p.flaggedUntil)}: one step down in post or rank, no promotion until the appraisal requirement is met.`,
  },
  AVOIDANCE: {
    codes: ['AVOIDANCE_CONFLICT'],
    'zh-CN': (p, l) =>
      p.breach === 'HOME_AREA'
        ? `回避：在本人籍贯或出生地（${str(p.areaName)}）任“${str(p.title)}”，应当实行地域回避。`
        : `回避：与近亲属${str(p.relativeName)}（${p.relation ? str(p.relation) : labelOf(l.relationKind, str(p.relationKind))}）${p.breach === 'RELATIVE_SAME_TEAM' ? '在同一单位领导班子任职' : '有直接上下级领导关系'}。`,
    en: (p, l) =>
      p.breach === 'HOME_AREA'
        ? `Avoidance: posted as ${str(p.title)} in the home area ${str(p.areaName)}.`
        : `Avoidance: a close relative (${str(p.relativeName)}, ${labelOf(l.relationKind, str(p.relationKind))}) ${p.breach === 'RELATIVE_SAME_TEAM' ? 'in the same leadership team' : 'in a direct reporting line'}.`,
  },
  SANCTION_PERIODS: {
    codes: ['SANCTION_IN_EFFECT'],
    'zh-CN': (p, l) =>
      `${labelOf(l.sanctionKind, str(p.kind))}${p.effectiveDate ? `自 ${str(p.effectiveDate)} 起生效，` : ''}影响期至 ${str(p.effectEndsOn)}，期间不得晋升职务、职级${p.documentNumber ? `（${str(p.documentNumber)}）` : ''}。`,
    en: (p, l) =>
      `${labelOf(l.sanctionKind, str(p.kind))}${p.documentNumber ? ` (${str(p.documentNumber)})` : ''}${p.effectiveDate ? ` effective ${str(p.effectiveDate)},` : ''} in effect until ${str(p.effectEndsOn)}: no promotion in post or rank.`,
  },
  SPECIALIST: {
    codes: ['SPECIALIST_STRENGTH'],
    'zh-CN': (p, l) =>
      `在${labelOf(l.domain, str(p.domain))}领域有专业特长：${specialistParts(p, l, 'zh-CN').join('；')}。`,
    en: (p, l) =>
      `Specialist strength in ${labelOf(l.domain, str(p.domain))}: ${specialistParts(p, l, 'en').join('; ')}.`,
  },
  PATHWAY: {
    codes: ['PROMOTION_ELIGIBLE'],
    'zh-CN': (p, l) =>
      `符合由${labelOf(l.level, str(p.currentLevel))}晋升${labelOf(l.level, str(p.nextLevel))}的全部条件。`,
    en: (p, l) =>
      `Meets every requirement to move from ${labelOf(l.level, str(p.currentLevel))} to ${labelOf(l.level, str(p.nextLevel))}.`,
  },
};

/** 已完成 20 学时（或 2 天），要求 81.4 学时（或 10.8 天，按比例折算），还差 61.4 学时。 */
function trainingZh(p: ReasonParams): string {
  const days = p.daysRequired !== null && p.daysRequired !== undefined;
  const proRated = p.proRated ? '按比例折算' : '';
  const required = days
    ? `（或 ${num(p.daysRequired)} 天${proRated ? `，${proRated}` : ''}）`
    : proRated
      ? `（${proRated}）`
      : '';
  return `已完成 ${num(p.hoursCompleted)} 学时${days ? `（或 ${num(p.daysCompleted)} 天）` : ''}，要求 ${num(p.hoursRequired)} 学时${required}，还差 ${num(p.hoursMissing)} 学时。`;
}

/** 20 of 81.4 class hours (or 2 of 10.8 days) of centralised training completed */
const trainingEn = (p: ReasonParams): string =>
  `${num(p.hoursCompleted)} of ${num(p.hoursRequired)} class hours${p.daysRequired !== null && p.daysRequired !== undefined ? ` (or ${num(p.daysCompleted)} of ${num(p.daysRequired)} days)` : ''} of centralised training completed`;
const proRatedEn = (p: ReasonParams): string => (p.proRated ? ' (required pro-rated)' : '');

function specialistParts(p: ReasonParams, l: Labels, locale: Locale): string[] {
  const met = list(p.criteria);
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (met.includes('COUNT'))
    parts.push(
      zh
        ? `${num(p.windowYears)} 年内经核实的实绩 ${num(p.recentCount)} 项`
        : `${num(p.recentCount)} verified achievements within ${num(p.windowYears)} years`,
    );
  if (met.includes('RECOGNITION'))
    parts.push(
      zh
        ? `获${labelOf(l.recognition, str(p.highestRecognition))}认可`
        : `recognised at ${labelOf(l.recognition, str(p.highestRecognition))} level`,
    );
  if (met.includes('IMPROVEMENT'))
    parts.push(
      zh
        ? `实测改善 ${num(p.bestImprovementPercent)}%`
        : `a measured improvement of ${num(p.bestImprovementPercent)}%`,
    );
  return parts;
}

/** What a requirement's values count, by rule: how `current`, `required` and `remaining` are written. */
const REQUIREMENT_VALUES: Record<string, 'years' | 'posts' | 'days' | 'education' | 'grade' | 'sanctions'> = {
  PROMO_WORK_YEARS: 'years',
  PROMO_GRASSROOTS_YEARS: 'years',
  PROMO_TIME_IN_LEVEL: 'years',
  PROMO_PARTY_AGE: 'years',
  PROMO_EXCEPTIONAL: 'years',
  PROMO_TWO_POSTS: 'posts',
  PROMO_TRAINING: 'days',
  PROMO_EDUCATION: 'education',
  PROMO_APPRAISAL: 'grade',
  PROMO_NO_SANCTION_IN_EFFECT: 'sanctions',
};

const VALUE_WORDS: Record<Locale, Record<'years' | 'posts' | 'days' | 'sanctions', string>> = {
  'zh-CN': { years: '{n} 年', posts: '{n} 个职位', days: '{n} 天', sanctions: '{n} 项影响期内处分' },
  en: { years: '{n} years', posts: '{n} posts', days: '{n} days', sanctions: '{n} sanctions in effect' },
};

/** One value of a requirement in a locale: a number with its unit, or the name of a code. */
function requirementValue(rule: string, v: unknown, l: Labels, locale: Locale): string {
  if (v === null || v === undefined) return locale === 'zh-CN' ? '无' : 'none';
  const kind = REQUIREMENT_VALUES[rule];
  if (typeof v === 'string') {
    // A domain (PROMO_EXCEPTIONAL without the strength), an education level or a grade.
    return l.education[v] ?? l.grade[v] ?? l.domain[v] ?? v;
  }
  if (kind === 'education' || kind === 'grade' || !kind) return num(v);
  return fmt(VALUE_WORDS[locale][kind], { n: num(v) });
}

/**
 * A requirement of the pathway, code = its rule id; params: met, current, required, remaining, dateMet.
 * PROMO_APPRAISAL's `required` is a sentence of the rule, so its message names the grade only.
 */
const REQUIREMENT: Record<Locale, (code: string, p: ReasonParams, l: Labels) => string> = {
  'zh-CN': (code, p, l) => {
    const name = labelOf(l.requirement, code);
    const v = (x: unknown) => requirementValue(code, x, l, 'zh-CN');
    if (code === 'PROMO_APPRAISAL')
      return `${name}：上一年度${p.current ? `为${v(p.current)}` : '无考核结果'}，${p.met ? '已满足' : '不得晋升'}。`;
    const date = p.dateMet
      ? p.met
        ? `，自 ${str(p.dateMet)} 起满足`
        : `，若仅需时间，${str(p.dateMet)} 满足`
      : '';
    return p.met
      ? `${name}：已满足（现为 ${v(p.current)}，要求 ${v(p.required)}${date}）。`
      : `${name}：未满足，现为 ${v(p.current)}，要求 ${v(p.required)}${typeof p.remaining === 'number' ? `，尚差 ${v(p.remaining)}` : ''}${date}。`;
  },
  en: (code, p, l) => {
    const name = labelOf(l.requirement, code);
    const v = (x: unknown) => requirementValue(code, x, l, 'en');
    if (code === 'PROMO_APPRAISAL')
      return `${name}: last year ${p.current ? v(p.current) : 'not appraised'}; ${p.met ? 'met' : 'bars promotion'}.`;
    const date = p.dateMet
      ? `; ${p.met ? 'since' : 'met on'} ${str(p.dateMet)}${p.met ? '' : ' if only time passes'}`
      : '';
    return p.met
      ? `${name}: met (${v(p.current)}, ${v(p.required)} required${date}).`
      : `${name}: not met, ${v(p.current)} of ${v(p.required)}${typeof p.remaining === 'number' ? `, ${v(p.remaining)} to go` : ''}${date}.`;
  },
};

/** The reason code of a flag: `<ruleId>.<flag code>`. */
export const flagReasonCode = (ruleId: string, flagCode: string): string => `${ruleId}.${flagCode}`;

/**
 * A breach of the avoidance rules (AVOIDANCE: a code and its facts, as checkAvoidance gives it) as the reason of
 * the flag AVOIDANCE_CONFLICT: the same sentence for a slate, an appointment and the flag.
 */
export const avoidanceReason = (b: { code: string; params: ReasonParams }): ReasonData => ({
  code: flagReasonCode('AVOIDANCE', 'AVOIDANCE_CONFLICT'),
  params: { ...b.params, breach: b.code },
});

/** The reason code of a requirement of the pathway: `REQUIREMENT.<rule id>`. */
export const requirementReasonCode = (ruleId: string): string => `REQUIREMENT.${ruleId}`;

/** Every code this renderer has both templates for (the spec compares it with what the rules emit). */
export function reasonCodes(): string[] {
  return [
    ...Object.keys(CANDIDATE),
    ...Object.entries(FLAG).flatMap(([rule, t]) => t.codes.map((c) => flagReasonCode(rule, c))),
    ...Object.keys(REQUIREMENT_VALUES).map(requirementReasonCode),
  ];
}

/** Whether the code has a template (else the message falls back to the code and its params). */
export function hasTemplate(code: string): boolean {
  return reasonCodes().includes(code);
}

/** How a reader writes dates (the web page: 2026年3月16日); the API keeps YYYY-MM-DD. */
export interface RenderOptions {
  date?: (isoDate: string) => string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The sentence of a reason in a locale; an unknown code shows as itself with its params, never throws. */
export function renderReason(
  r: { code: string; params?: unknown },
  locale: Locale,
  options: RenderOptions = {},
): string {
  const l = LABELS[locale];
  const raw = (r.params && typeof r.params === 'object' ? r.params : {}) as ReasonParams;
  const { date } = options;
  const params = date
    ? Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && ISO_DATE.test(v) ? date(v) : v]),
      )
    : raw;
  const candidate = CANDIDATE[r.code];
  if (candidate) return candidate[locale](params, l);
  if (r.code.startsWith('REQUIREMENT.')) return REQUIREMENT[locale](r.code.slice(12), params, l);
  const dot = r.code.indexOf('.');
  const flag = dot > 0 ? FLAG[r.code.slice(0, dot)] : undefined;
  if (flag?.codes.includes(r.code.slice(dot + 1))) return flag[locale](params, l, r.code);
  return `${r.code} ${JSON.stringify(params)}`;
}
