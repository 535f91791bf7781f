/**
 * The names of the codes the API returns (levels, grades, flag codes, readiness …) in each locale: one
 * dictionary, read by the service where it renders for people (CSV and XLSX exports, the appointment form) and
 * imported by the web page (web/src/i18n), so a code never has two Chinese names. Chinese first; English has the
 * same keys (a spec checks).
 */
export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const zhCN = {
  /** Column headings of the exported files (CSV, XLSX). */
  boolean: { true: '是', false: '否' },
  /** File names and sheet titles of the exports. */
  file: { promotionCandidates: '晋升候选人', talentPool: '人才库' },
  column: {
    rank: '序号',
    externalId: '人员编号',
    name: '姓名',
    unit: '单位',
    currentLevel: '现任层次',
    targetLevel: '拟任层次',
    readiness: '成熟度',
    eligibleFrom: '符合条件日期',
    score: '综合得分（满分 100）',
    reasons: '推荐理由',
    blockers: '尚缺条件',
    asOf: '评估日期',
    policyVersion: '政策版本',
    pool: '人才库',
    hidden: '辖区外（不显示）',
    addedAt: '入库时间',
    addedBy: '入库人',
    note: '备注',
    snapshotAsOf: '入库时评估日期',
    snapshotPolicyVersion: '入库时政策版本',
    snapshotScore: '入库时得分',
    snapshotReadiness: '入库时成熟度',
    snapshotEligibleFrom: '入库时符合条件日期',
    snapshotReasons: '入库时理由',
    liveAsOf: '当前评估日期',
    liveUnit: '当前单位',
    liveScore: '当前得分',
    liveReadiness: '当前成熟度',
    liveEligibleFrom: '当前符合条件日期',
    decision: '决定',
    decisionEffectiveDate: '决定生效日期',
    decisionNote: '决定备注',
    cadreId: '干部记录编号',
  },
  level: {
    TOWNSHIP_DEPUTY: '乡科级副职',
    TOWNSHIP_CHIEF: '乡科级正职',
    COUNTY_DEPUTY: '县处级副职',
    COUNTY_CHIEF: '县处级正职',
    BUREAU_DEPUTY: '厅局级副职',
    BUREAU_CHIEF: '厅局级正职',
    CLERK_2: '二级科员',
    CLERK_1: '一级科员',
    PRINCIPAL_STAFF_4: '四级主任科员',
    PRINCIPAL_STAFF_3: '三级主任科员',
    PRINCIPAL_STAFF_2: '二级主任科员',
    PRINCIPAL_STAFF_1: '一级主任科员',
    RESEARCHER_4: '四级调研员',
    RESEARCHER_3: '三级调研员',
    RESEARCHER_2: '二级调研员',
    RESEARCHER_1: '一级调研员',
    INSPECTOR_2: '二级巡视员',
    INSPECTOR_1: '一级巡视员',
  },
  unitLevel: {
    NATIONAL: '国家',
    PROVINCE: '省级',
    PREFECTURE: '地市级',
    COUNTY: '县级',
    TOWNSHIP: '乡镇',
    VILLAGE: '村（社区）',
  },
  postingKind: { REGULAR: '任职', TEMPORARY_ASSIGNMENT: '挂职', SECONDMENT: '借调', CONCURRENT: '兼任' },
  trainingKind: {
    PARTY_SCHOOL: '党校',
    ADMINISTRATION_INSTITUTE: '行政学院',
    UNIVERSITY: '高校',
    CADRE_ACADEMY: '干部学院',
    FULL_TIME_CLASS: '脱产培训班',
    ONLINE: '网络培训',
    ON_THE_JOB: '在职培训',
    OTHER: '其他',
  },
  recognition: {
    UNIT: '本单位',
    COUNTY: '县级',
    PREFECTURE: '市级',
    PROVINCE: '省级',
    NATIONAL: '国家级',
  },
  verification: { CLAIMED: '待核实', VERIFIED: '已核实', REJECTED: '未通过' },
  grade: {
    EXCELLENT: '优秀',
    COMPETENT: '称职',
    BASICALLY_COMPETENT: '基本称职',
    INCOMPETENT: '不称职',
    UNGRADED: '不定等次',
  },
  education: {
    SECONDARY: '中专及以下',
    COLLEGE: '大专',
    BACHELOR: '大学本科',
    MASTER: '硕士研究生',
    DOCTORATE: '博士研究生',
  },
  severity: { CRITICAL: '严重', WARNING: '注意', INFO: '提示' },
  flag: {
    POSTING_LIMIT_EXCEEDED: '超过任职期限',
    POSTING_LIMIT_APPROACHING: '临近任职期限',
    TRAINING_SHORTFALL: '培训学时不足',
    INDUCTION_TRAINING_DUE: '任职培训待完成',
    MIN_SERVICE_NOT_MET: '未满最低服务年限调动',
    SPECIALIST_STRENGTH: '专业特长',
    PROMOTION_ELIGIBLE: '符合晋升条件',
    SANCTION_IN_EFFECT: '处分影响期内',
    APPRAISAL_INCOMPETENT: '年度考核不称职',
  },
  requirement: {
    PROMO_WORK_YEARS: '工作经历年限',
    PROMO_GRASSROOTS_YEARS: '基层工作经历',
    PROMO_TWO_POSTS: '下一级两个以上职位任职经历',
    PROMO_TIME_IN_LEVEL: '任现职层次年限',
    PROMO_EDUCATION: '学历',
    PROMO_APPRAISAL: '考核结果',
    PROMO_EXCEPTIONAL: '破格提拔条件',
    PROMO_TRAINING: '任职前培训',
    PROMO_PARTY_AGE: '党龄',
    PROMO_NO_SANCTION_IN_EFFECT: '不在处分影响期内',
  },
  /** Sanctions (政务处分, 党纪处分) and organisational measures (组织处理). */
  sanctionKind: {
    WARNING: '警告',
    DEMERIT: '记过',
    MAJOR_DEMERIT: '记大过',
    DEMOTION: '降级',
    REMOVAL: '撤职',
    PARTY_WARNING: '党内警告',
    PARTY_SERIOUS_WARNING: '党内严重警告',
    PARTY_POST_REMOVAL: '撤销党内职务',
    PARTY_PROBATION: '留党察看',
    ADMONISHMENT: '诫勉',
    TRANSFER_OUT: '调离岗位',
    DISMISSAL_FROM_POST: '免职',
    DEMOTION_IN_POST: '降职',
  },
  readiness: {
    READY_NOW: '现在可用',
    READY_SOON: '即将成熟',
    NOT_READY: '尚不成熟',
    NONE: '无下一层次',
  },
  decision: {
    PROMOTED: '已提拔',
    DEFERRED: '暂缓',
    SENT_TO_TRAINING: '送培训',
    DECLINED: '不予考虑',
  },
  need: {
    SHORTFALL: '学时不足',
    INDUCTION_DUE: '任职培训待完成',
    NEVER_TRAINED_IN_WINDOW: '期内未参加培训',
    LONG_SERVICE_NO_STUDY: '长期基层工作无学习经历',
  },
  factor: {
    appraisal: '考核结果',
    grassrootsYears: '基层经历',
    achievements: '工作实绩',
    training: '教育培训',
    timeAtLevel: '任现职年限',
    specialistMatch: '专长匹配',
    evidenceRecognition: '认可层级',
    evidenceImpact: '实测成效',
    evidenceRecency: '最近实绩',
    evidenceCount: '实绩数量',
  },
  criteria: {
    COUNT: '五年内多项实绩',
    RECOGNITION: '省级及以上认可',
    IMPROVEMENT: '实测改善 50% 以上',
  },
  years: '{n} 年',
  posts: '{n} 个',
  sanctionsInEffect: '{n} 项影响期内处分',
  /** Posts, vacancies and slates (issue 19). */
  vacancyKind: { POST: '职位', QUOTA: '职数（未列具体职位）' },
  slateReason: {
    READY_NOW: '已符合任职条件',
    READY_SOON: '即将符合任职条件',
    REQUIRED_DOMAIN_MATCH: '具备职位所需专业特长',
    PREFERRED_DOMAIN_MATCH: '具备职位优先专业特长',
    STUCK_PAST_LIMIT: '任职已满期限且符合晋升条件（应优先使用）',
    EXCEPTIONAL: '破格提拔人选',
  },
  slateBlocker: { REQUIREMENT_UNMET: '尚未满足任职条件', MISSING_REQUIRED_DOMAIN: '缺少职位所需专业特长' },
  slateDecision: { APPOINTED: '已任命', DEFERRED: '暂缓', DECLINED: '不予任用' },
};

export type Labels = {
  [K in keyof typeof zhCN]: (typeof zhCN)[K] extends string ? string : Record<string, string>;
};

const en: Labels = {
  boolean: { true: 'yes', false: 'no' },
  file: { promotionCandidates: 'promotion candidates', talentPool: 'talent pool' },
  column: {
    rank: 'Rank',
    externalId: 'Staff number',
    name: 'Name',
    unit: 'Unit',
    currentLevel: 'Current level',
    targetLevel: 'Target level',
    readiness: 'Readiness',
    eligibleFrom: 'Eligible from',
    score: 'Score (of 100)',
    reasons: 'Reasons',
    blockers: 'Still missing',
    asOf: 'As of',
    policyVersion: 'Policy version',
    pool: 'Talent pool',
    hidden: 'Outside your jurisdiction (hidden)',
    addedAt: 'Added at',
    addedBy: 'Added by',
    note: 'Note',
    snapshotAsOf: 'As of, when added',
    snapshotPolicyVersion: 'Policy version, when added',
    snapshotScore: 'Score, when added',
    snapshotReadiness: 'Readiness, when added',
    snapshotEligibleFrom: 'Eligible from, when added',
    snapshotReasons: 'Reasons, when added',
    liveAsOf: 'As of, now',
    liveUnit: 'Unit, now',
    liveScore: 'Score, now',
    liveReadiness: 'Readiness, now',
    liveEligibleFrom: 'Eligible from, now',
    decision: 'Decision',
    decisionEffectiveDate: 'Decision effective',
    decisionNote: 'Decision note',
    cadreId: 'Cadre record id',
  },
  level: {
    TOWNSHIP_DEPUTY: 'Township deputy',
    TOWNSHIP_CHIEF: 'Township chief',
    COUNTY_DEPUTY: 'County deputy',
    COUNTY_CHIEF: 'County chief',
    BUREAU_DEPUTY: 'Bureau deputy',
    BUREAU_CHIEF: 'Bureau chief',
    CLERK_2: 'Clerk, grade 2',
    CLERK_1: 'Clerk, grade 1',
    PRINCIPAL_STAFF_4: 'Principal staff, grade 4',
    PRINCIPAL_STAFF_3: 'Principal staff, grade 3',
    PRINCIPAL_STAFF_2: 'Principal staff, grade 2',
    PRINCIPAL_STAFF_1: 'Principal staff, grade 1',
    RESEARCHER_4: 'Researcher, grade 4',
    RESEARCHER_3: 'Researcher, grade 3',
    RESEARCHER_2: 'Researcher, grade 2',
    RESEARCHER_1: 'Researcher, grade 1',
    INSPECTOR_2: 'Inspector, grade 2',
    INSPECTOR_1: 'Inspector, grade 1',
  },
  unitLevel: {
    NATIONAL: 'National',
    PROVINCE: 'Province',
    PREFECTURE: 'Prefecture',
    COUNTY: 'County',
    TOWNSHIP: 'Township',
    VILLAGE: 'Village',
  },
  postingKind: {
    REGULAR: 'Regular',
    TEMPORARY_ASSIGNMENT: 'Temporary assignment',
    SECONDMENT: 'Secondment',
    CONCURRENT: 'Concurrent post',
  },
  trainingKind: {
    PARTY_SCHOOL: 'Party school',
    ADMINISTRATION_INSTITUTE: 'Administration institute',
    UNIVERSITY: 'University',
    CADRE_ACADEMY: 'Cadre academy',
    FULL_TIME_CLASS: 'Full-time class',
    ONLINE: 'Online',
    ON_THE_JOB: 'On the job',
    OTHER: 'Other',
  },
  recognition: {
    UNIT: 'Unit',
    COUNTY: 'County',
    PREFECTURE: 'Prefecture',
    PROVINCE: 'Province',
    NATIONAL: 'National',
  },
  verification: { CLAIMED: 'Claimed', VERIFIED: 'Verified', REJECTED: 'Rejected' },
  grade: {
    EXCELLENT: 'Excellent',
    COMPETENT: 'Competent',
    BASICALLY_COMPETENT: 'Basically competent',
    INCOMPETENT: 'Incompetent',
    UNGRADED: 'Ungraded',
  },
  education: {
    SECONDARY: 'Secondary',
    COLLEGE: 'College diploma',
    BACHELOR: "Bachelor's",
    MASTER: "Master's",
    DOCTORATE: 'Doctorate',
  },
  severity: { CRITICAL: 'Critical', WARNING: 'Warning', INFO: 'Info' },
  flag: {
    POSTING_LIMIT_EXCEEDED: 'Posting limit exceeded',
    POSTING_LIMIT_APPROACHING: 'Posting limit approaching',
    TRAINING_SHORTFALL: 'Training shortfall',
    INDUCTION_TRAINING_DUE: 'Induction training due',
    MIN_SERVICE_NOT_MET: 'Moved before the minimum service',
    SPECIALIST_STRENGTH: 'Specialist strength',
    PROMOTION_ELIGIBLE: 'Eligible for promotion',
    SANCTION_IN_EFFECT: 'Sanction in effect',
    APPRAISAL_INCOMPETENT: 'Appraised incompetent',
  },
  requirement: {
    PROMO_WORK_YEARS: 'Work experience',
    PROMO_GRASSROOTS_YEARS: 'Grassroots experience',
    PROMO_TWO_POSTS: 'Posts held in the band below',
    PROMO_TIME_IN_LEVEL: 'Time at the current level',
    PROMO_EDUCATION: 'Education',
    PROMO_APPRAISAL: 'Appraisals',
    PROMO_EXCEPTIONAL: 'Exceptional promotion limits',
    PROMO_TRAINING: 'Induction training before promotion',
    PROMO_PARTY_AGE: 'Years of Party membership',
    PROMO_NO_SANCTION_IN_EFFECT: 'No sanction in effect',
  },
  sanctionKind: {
    WARNING: 'Warning',
    DEMERIT: 'Demerit',
    MAJOR_DEMERIT: 'Major demerit',
    DEMOTION: 'Demotion',
    REMOVAL: 'Removal from post',
    PARTY_WARNING: 'Party warning',
    PARTY_SERIOUS_WARNING: 'Serious Party warning',
    PARTY_POST_REMOVAL: 'Removal from Party posts',
    PARTY_PROBATION: 'Party probation',
    ADMONISHMENT: 'Admonishment (诫勉)',
    TRANSFER_OUT: 'Transfer out of post',
    DISMISSAL_FROM_POST: 'Dismissal from post',
    DEMOTION_IN_POST: 'Demotion in post',
  },
  readiness: {
    READY_NOW: 'Ready now',
    READY_SOON: 'Ready soon',
    NOT_READY: 'Not ready',
    NONE: 'No next level',
  },
  decision: {
    PROMOTED: 'Promoted',
    DEFERRED: 'Deferred',
    SENT_TO_TRAINING: 'Sent to training',
    DECLINED: 'Declined',
  },
  need: {
    SHORTFALL: 'Class-hour shortfall',
    INDUCTION_DUE: 'Induction training due',
    NEVER_TRAINED_IN_WINDOW: 'No training in the window',
    LONG_SERVICE_NO_STUDY: 'Long grassroots service, no study',
  },
  factor: {
    appraisal: 'Appraisals',
    grassrootsYears: 'Grassroots years',
    achievements: 'Achievements',
    training: 'Training',
    timeAtLevel: 'Time at level',
    specialistMatch: 'Specialist match',
    evidenceRecognition: 'Recognition',
    evidenceImpact: 'Measured impact',
    evidenceRecency: 'Recency',
    evidenceCount: 'Number of achievements',
  },
  criteria: {
    COUNT: 'several in 5 years',
    RECOGNITION: 'province-level recognition',
    IMPROVEMENT: 'measured improvement of 50% or more',
  },
  years: '{n} yrs',
  posts: '{n}',
  sanctionsInEffect: '{n} in effect',
  vacancyKind: { POST: 'Post', QUOTA: 'Quota (posts not itemised)' },
  slateReason: {
    READY_NOW: 'Eligible now',
    READY_SOON: 'Eligible soon',
    REQUIRED_DOMAIN_MATCH: 'Has the specialty the post requires',
    PREFERRED_DOMAIN_MATCH: 'Has a specialty the post prefers',
    STUCK_PAST_LIMIT: 'Past a posting limit and ready (kept too long)',
    EXCEPTIONAL: 'Exceptional (破格) promotion',
  },
  slateBlocker: {
    REQUIREMENT_UNMET: 'A requirement is not met yet',
    MISSING_REQUIRED_DOMAIN: 'Lacks a specialty the post requires',
  },
  slateDecision: { APPOINTED: 'Appointed', DEFERRED: 'Deferred', DECLINED: 'Declined' },
};

export const LABELS: Record<Locale, Labels> = { 'zh-CN': zhCN, en };

/** The label of a code, or the code itself when the dictionary has none. */
export function labelOf(dict: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return dict[code] ?? code;
}

/** Fills `{name}` placeholders. */
export function fmt(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/**
 * The locale for a reader: an explicit `locale` (zh-CN, zh, en …) wins, then the first Accept-Language tag we
 * have; Chinese when neither names one.
 */
export function pickLocale(explicit?: string | null, acceptLanguage?: string | null): Locale {
  const tags = [explicit, ...(acceptLanguage ?? '').split(',').map((t) => t.split(';')[0])];
  for (const raw of tags) {
    const tag = raw?.trim().toLowerCase();
    if (!tag) continue;
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
