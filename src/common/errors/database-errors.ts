import { ErrorText } from '../../i18n/errors';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * What each database constraint means to a clerk, in English and Chinese (the default). One place, so SQL text
 * never reaches a client.
 */
const CONSTRAINTS: Record<string, { code: ErrorCode; field: string; message: string; zh: string }> = {
  unit_code_key: {
    code: ErrorCode.CONFLICT,
    field: 'code',
    message: 'Another unit already has this code.',
    zh: '已有其他单位使用此代码。',
  },
  unit_parent_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'parentId',
    message: 'The parent unit does not exist.',
    zh: '上级单位不存在。',
  },
  unit_parent_cycle_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'parentId',
    message: 'A unit cannot be placed under itself or its own sub-units.',
    zh: '单位不能隶属于自身或其下级单位。',
  },
  unit_not_own_parent_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'parentId',
    message: 'A unit cannot be its own parent.',
    zh: '单位不能以自身为上级。',
  },
  unit_code_format_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'code',
    message: 'A unit code uses letters, digits, "_", "." and "-" only.',
    zh: '单位代码只能使用字母、数字、“_”、“.”和“-”。',
  },
  cadre_external_id_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'Another cadre already has this external id.',
    zh: '已有其他干部使用此人员编号。',
  },
  cadre_work_start_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'workStartDate',
    message: 'Work cannot start before birth.',
    zh: '参加工作时间不能早于出生日期。',
  },
  cadre_party_join_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'partyJoinDate',
    message: 'Party membership cannot start before birth.',
    zh: '入党时间不能早于出生日期。',
  },
  cadre_birth_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'birthDate',
    message: 'The birth date is out of range.',
    zh: '出生日期超出允许范围。',
  },
  posting_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  posting_unit_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'unitId',
    message: 'The unit does not exist.',
    zh: '单位不存在。',
  },
  posting_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'The level is not a code on any ladder.',
    zh: '该层次不是任何序列中的代码。',
  },
  posting_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
    zh: '结束日期早于开始日期。',
  },
  posting_start_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'startDate',
    message: 'The start date is out of range.',
    zh: '开始日期超出允许范围。',
  },
  posting_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'A posting with this source and external id already exists.',
    zh: '已有相同数据源和外部编号的任职记录。',
  },
  posting_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
    zh: '数据源与外部编号须同时填写或同时不填。',
  },
  posting_no_overlap_excl: {
    code: ErrorCode.CONFLICT,
    field: 'startDate',
    message: 'The cadre already holds a regular posting in this period; regular postings cannot overlap.',
    zh: '该干部在此期间已有正式任职；正式任职的时间不能重叠。',
  },
  posting_concurrent_overlap_excl: {
    code: ErrorCode.CONFLICT,
    field: 'startDate',
    message: 'The cadre already holds this concurrent post (unit and level) in this period.',
    zh: '该干部在此期间已兼任同一职务（单位和层次相同）。',
  },
  unit_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This unit is kept by another source; an HR system changes only its own records.',
    zh: '该单位由其他数据源维护；人事系统只能修改本数据源的记录。',
  },
  cadre_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This cadre is kept by another source; an HR system changes only its own records.',
    zh: '该干部由其他数据源维护；人事系统只能修改本数据源的记录。',
  },
  posting_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This posting is kept by another source; an HR system changes only its own records.',
    zh: '该任职记录由其他数据源维护；人事系统只能修改本数据源的记录。',
  },
  cadre_history_delete_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'id',
    message: 'This cadre has a history; only an administrator may delete it.',
    zh: '该干部已有履历，只有系统管理员可以删除。',
  },
  training_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  training_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
    zh: '结束日期早于开始日期。',
  },
  training_class_hours_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'classHours',
    message: 'Class hours must be more than 0 and at most 5000.',
    zh: '学时应大于 0 且不超过 5000。',
  },
  achievement_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  achievement_domain_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'domain',
    message: 'The domain is not in the taxonomy.',
    zh: '该领域不在专长领域分类中。',
  },
  sanction_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  sanction_kind_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'kind',
    message: 'The kind is not a known sanction or accountability measure.',
    zh: '该类别不是已知的处分或问责方式。',
  },
  sanction_decision_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'decisionDate',
    message: 'The decision date is out of range.',
    zh: '决定日期超出允许范围。',
  },
  sanction_effective_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'effectiveDate',
    message: 'The effective date is before the decision date.',
    zh: '生效日期早于决定日期。',
  },
  sanction_issuing_body_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'issuingBody',
    message: 'The issuing body cannot be blank.',
    zh: '作出决定的机关不能为空。',
  },
  sanction_revocation_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'revocationReason',
    message: 'A revocation date and its reason go together: give both or neither.',
    zh: '撤销日期与撤销理由须同时填写或同时不填。',
  },
  sanction_tolerance_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'basis',
    message: 'A 容错 decision needs its basis and date.',
    zh: '容错免责决定须写明依据和日期。',
  },
  sanction_revoked_on_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'decisionDate',
    message: 'The record was revoked before this decision date.',
    zh: '该记录在此决定日期之前已被撤销。',
  },
  sanction_tolerance_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'decisionDate',
    message: 'The record has a 容错 decision dated before this decision date.',
    zh: '该记录的容错免责决定早于此决定日期。',
  },
  sanction_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'Another sanction of this source already has this external id.',
    zh: '该数据源已有其他处分记录使用此外部编号。',
  },
  sanction_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
    zh: '数据源与外部编号须同时填写或同时不填。',
  },
  sanction_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This sanction is kept by another source; an HR system changes only its own records.',
    zh: '该处分记录由其他数据源维护；人事系统只能修改本数据源的记录。',
  },
  rank_grant_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
    zh: '数据源与外部编号须同时填写或同时不填。',
  },
  rank_grant_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This rank grant is kept by another source; an HR system changes only its own records.',
    zh: '该职级记录由其他数据源维护；人事系统只能修改本数据源的记录。',
  },
  rank_grant_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  rank_grant_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'The level is not a code on the rank ladder.',
    zh: '该层次不是职级序列中的代码。',
  },
  rank_grant_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
    zh: '结束日期早于开始日期。',
  },
  rank_grant_start_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'startDate',
    message: 'The start date is out of range.',
    zh: '开始日期超出允许范围。',
  },
  rank_grant_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'Another rank grant of this source already has this external id.',
    zh: '该数据源已有其他职级记录使用此外部编号。',
  },
  rank_grant_no_overlap_excl: {
    code: ErrorCode.CONFLICT,
    field: 'startDate',
    message: 'A cadre holds one rank at a time: rank grants cannot overlap.',
    zh: '干部同一时间只能有一个职级：职级记录的时间不能重叠。',
  },
  appraisal_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  appraisal_cadre_year_key: {
    code: ErrorCode.CONFLICT,
    field: 'year',
    message: 'This cadre already has an appraisal for that year.',
    zh: '该干部当年已有年度考核记录。',
  },
  cadre_education_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  cadre_education_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
    zh: '结束日期早于开始日期。',
  },
  cadre_education_start_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'startDate',
    message: 'The start date is out of range.',
    zh: '开始日期超出允许范围。',
  },
  family_member_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  family_member_name_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'name',
    message: 'The name must not be blank.',
    zh: '姓名不能为空。',
  },
  family_member_relation_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'relation',
    message: 'The relation must not be blank.',
    zh: '称谓不能为空。',
  },
  unit_area_name_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'areaName',
    message: 'The area name must not be blank.',
    zh: '地区名称不能为空。',
  },
  family_member_related_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'relatedCadreId',
    message: 'The related cadre does not exist.',
    zh: '所关联的干部不存在。',
  },
  family_member_not_self_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'relatedCadreId',
    message: 'A cadre is not their own relative.',
    zh: '干部不能是自己的亲属。',
  },
  family_member_related_cadre_key: {
    code: ErrorCode.CONFLICT,
    field: 'relatedCadreId',
    message: 'This cadre is already recorded as a relative of the cadre.',
    zh: '已登记该干部为其亲属。',
  },
  family_member_relation_kind_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'relationKind',
    message: 'The kind of relation is not known.',
    zh: '亲属关系类别未知。',
  },
  family_member_birth_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'birthDate',
    message: 'The birth date is out of range.',
    zh: '出生日期超出允许范围。',
  },
  cadre_photo_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  cadre_photo_size_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'base64',
    message: 'The photo is at most 32 KiB.',
    zh: '照片最大 32 KiB。',
  },
  appointment_proposal_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
    zh: '干部不存在。',
  },
  appointment_proposal_posts_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'proposedPost',
    message: 'Name the proposed post, the posts to be removed, or both.',
    zh: '请填写拟任职务、拟免职务，或两者都填。',
  },
  appointment_proposal_proposed_on_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'proposedOn',
    message: 'The proposal date is out of range.',
    zh: '呈报日期超出允许范围。',
  },
  appraisal_year_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'year',
    message: 'The year must be between 1950 and 2100.',
    zh: '年度应在 1950 至 2100 之间。',
  },
  // Posts, quotas and slates (1764237600000).
  post_unit_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'unitId',
    message: 'The unit does not exist.',
    zh: '单位不存在。',
  },
  post_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'A post’s level must be a code on the LEADERSHIP ladder.',
    zh: '职位的层次应为领导职务序列中的代码。',
  },
  post_title_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'title',
    message: 'A post needs a title.',
    zh: '职位须有名称。',
  },
  post_approved_holders_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'approvedHolders',
    message: 'The approved number of holders is 0 to 1000.',
    zh: '核定职数应为 0 至 1000。',
  },
  post_domains_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'requiredDomains',
    message: 'A domain is either required or preferred, not both; at most 20 of each.',
    zh: '一个领域只能是必需或优先之一；每类最多 20 个。',
  },
  post_domain_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'requiredDomains',
    message: 'A domain is not in the taxonomy.',
    zh: '有一个领域不在专长领域分类中。',
  },
  post_established_on_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'establishedOn',
    message: 'The establishment date is out of range.',
    zh: '设立日期超出允许范围。',
  },
  post_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
    zh: '数据源与外部编号须同时填写或同时不填。',
  },
  post_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This post is kept by another source; an HR system changes only its own records.',
    zh: '该职位由其他数据源维护；人事系统只能修改本数据源的记录。',
  },
  post_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'This source already has a post with this external id.',
    zh: '该数据源已有此外部编号的职位。',
  },
  post_unit_title_key: {
    code: ErrorCode.CONFLICT,
    field: 'title',
    message: 'The unit already has a post with this title.',
    zh: '该单位已有同名职位。',
  },
  posting_post_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'postId',
    message: 'A posting names a post of its own unit; this post is not one of that unit’s posts.',
    zh: '任职只能对应本单位的职位；该职位不属于该单位。',
  },
  post_quota_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'A quota’s level must be a code on the LEADERSHIP ladder.',
    zh: '职数的层次应为领导职务序列中的代码。',
  },
  post_quota_places_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'places',
    message: 'A quota is 0 to 100,000 places.',
    zh: '职数应为 0 至 100000。',
  },
  post_quota_unit_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'unitId',
    message: 'The unit does not exist.',
    zh: '单位不存在。',
  },
  slate_decision_appointed_key: {
    code: ErrorCode.CONFLICT,
    field: 'cadreId',
    message: 'This cadre has already been appointed from this slate.',
    zh: '该干部已从本次人选名单中任用。',
  },
  slate_decision_member_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre is not on this slate.',
    zh: '该干部不在本次人选名单中。',
  },
};

const GENERIC: Record<string, { code: ErrorCode; message: string; zh: string }> = {
  '23505': { code: ErrorCode.CONFLICT, message: 'This record already exists.', zh: '该记录已存在。' },
  '23503': {
    code: ErrorCode.NOT_FOUND,
    message: 'A referenced record does not exist.',
    zh: '所引用的记录不存在。',
  },
  '23514': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A value is out of its allowed range.',
    zh: '有一项取值超出允许范围。',
  },
  '23P01': {
    code: ErrorCode.CONFLICT,
    message: 'This record overlaps another one.',
    zh: '该记录与另一条记录在时间上重叠。',
  },
  '23502': { code: ErrorCode.BAD_USER_INPUT, message: 'A required value is missing.', zh: '缺少必填项。' },
  '22001': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long.', zh: '有一项内容过长。' },
  '22P02': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A value has the wrong format.',
    zh: '有一项取值格式不正确。',
  },
  '22007': { code: ErrorCode.BAD_USER_INPUT, message: 'A date is not valid.', zh: '有一个日期无效。' },
  '22008': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A date is out of range.',
    zh: '有一个日期超出允许范围。',
  },
  '22003': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A number is out of range.',
    zh: '有一个数值超出允许范围。',
  },
  '22021': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A value holds a character that cannot be stored (such as U+0000).',
    zh: '有一项内容含有无法保存的字符（如 U+0000）。',
  },
  '22P05': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A value holds a character that cannot be stored (such as U+0000).',
    zh: '有一项内容含有无法保存的字符（如 U+0000）。',
  },
  '54000': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long.', zh: '有一项内容过长。' },
  '40001': {
    code: ErrorCode.CONFLICT,
    message: 'A concurrent change got in the way; try again.',
    zh: '与同时进行的其他修改冲突，请重试。',
  },
  '40P01': {
    code: ErrorCode.CONFLICT,
    message: 'A concurrent change got in the way; try again.',
    zh: '与同时进行的其他修改冲突，请重试。',
  },
};

/** What kind of rule a violated constraint states, by SQLSTATE: `extensions.violation`. */
const VIOLATION: Record<string, string> = {
  '23505': 'DUPLICATE',
  '23503': 'MISSING_REFERENCE',
  '23514': 'CHECK',
  '23P01': 'OVERLAP',
  '23502': 'MISSING_VALUE',
};

/** A constraint's sentence as an error text: English as the message, Chinese kept beside it. */
const textOf = (key: string, zh: string): ErrorText => ({ key, params: {}, zh });

/**
 * The field and sentence of a named constraint, for code that checks the same rule before the database does
 * (the sync's record checks); `text` gives it in the reader's locale.
 */
export function constraintProblem(constraint: string): { field: string; message: string; text: ErrorText } {
  const known = CONSTRAINTS[constraint];
  if (!known) throw new Error(`No message for constraint ${constraint}`);
  return { field: known.field, message: known.message, text: textOf(`constraint.${constraint}`, known.zh) };
}

/**
 * Turns a PostgreSQL error into a DomainError a client can act on, or undefined if it is not a data error. A
 * named constraint gives its code, field, sentence (zh-CN or en) and `extensions.reason`: the constraint's name
 * in capitals (e.g. POSTING_NO_OVERLAP_EXCL), stable as long as the constraint is, with `violation` its kind.
 */
export function fromDatabaseError(err: unknown): DomainError | undefined {
  const e = (err as { driverError?: PgError }).driverError ?? (err as PgError);
  if (!e || typeof e.code !== 'string') return undefined;
  const known = e.constraint ? CONSTRAINTS[e.constraint] : undefined;
  const violation = VIOLATION[e.code];
  if (known && e.constraint) {
    return new DomainError(known.code, known.message, known.field, {
      reason: e.constraint.toUpperCase(),
      ...(violation ? { violation } : {}),
    }).withText(textOf(`constraint.${e.constraint}`, known.zh));
  }
  const generic = GENERIC[e.code];
  if (!generic) return undefined;
  return new DomainError(
    generic.code,
    generic.message,
    undefined,
    violation ? { violation } : undefined,
  ).withText(textOf(`sqlstate.${e.code}`, generic.zh));
}
