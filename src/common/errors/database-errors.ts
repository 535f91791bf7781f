import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

interface PgError {
  code?: string;
  constraint?: string;
}

/** What each database constraint means to a clerk. One place, so SQL text never reaches a client. */
const CONSTRAINTS: Record<string, { code: ErrorCode; field: string; message: string }> = {
  unit_code_key: { code: ErrorCode.CONFLICT, field: 'code', message: 'Another unit already has this code.' },
  unit_parent_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'parentId',
    message: 'The parent unit does not exist.',
  },
  unit_parent_cycle_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'parentId',
    message: 'A unit cannot be placed under itself or its own sub-units.',
  },
  unit_not_own_parent_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'parentId',
    message: 'A unit cannot be its own parent.',
  },
  unit_code_format_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'code',
    message: 'A unit code uses letters, digits, "_", "." and "-" only.',
  },
  cadre_external_id_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'Another cadre already has this external id.',
  },
  cadre_work_start_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'workStartDate',
    message: 'Work cannot start before birth.',
  },
  cadre_party_join_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'partyJoinDate',
    message: 'Party membership cannot start before birth.',
  },
  cadre_birth_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'birthDate',
    message: 'The birth date is out of range.',
  },
  posting_cadre_fkey: { code: ErrorCode.NOT_FOUND, field: 'cadreId', message: 'The cadre does not exist.' },
  posting_unit_fkey: { code: ErrorCode.NOT_FOUND, field: 'unitId', message: 'The unit does not exist.' },
  posting_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'The level is not a code on any ladder.',
  },
  posting_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
  },
  posting_start_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'startDate',
    message: 'The start date is out of range.',
  },
  posting_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'A posting with this source and external id already exists.',
  },
  posting_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
  },
  posting_no_overlap_excl: {
    code: ErrorCode.CONFLICT,
    field: 'startDate',
    message: 'The cadre already holds a regular posting in this period; regular postings cannot overlap.',
  },
  posting_concurrent_overlap_excl: {
    code: ErrorCode.CONFLICT,
    field: 'startDate',
    message: 'The cadre already holds this concurrent post (unit and level) in this period.',
  },
  unit_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This unit is kept by another source; an HR system changes only its own records.',
  },
  cadre_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This cadre is kept by another source; an HR system changes only its own records.',
  },
  posting_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This posting is kept by another source; an HR system changes only its own records.',
  },
  cadre_history_delete_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'id',
    message: 'This cadre has a history; only an administrator may delete it.',
  },
  training_cadre_fkey: { code: ErrorCode.NOT_FOUND, field: 'cadreId', message: 'The cadre does not exist.' },
  training_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
  },
  training_class_hours_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'classHours',
    message: 'Class hours must be more than 0 and at most 5000.',
  },
  achievement_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
  },
  achievement_domain_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'domain',
    message: 'The domain is not in the taxonomy.',
  },
  sanction_cadre_fkey: { code: ErrorCode.NOT_FOUND, field: 'cadreId', message: 'The cadre does not exist.' },
  sanction_kind_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'kind',
    message: 'The kind is not a known sanction or accountability measure.',
  },
  sanction_decision_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'decisionDate',
    message: 'The decision date is out of range.',
  },
  sanction_effective_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'effectiveDate',
    message: 'The effective date is before the decision date.',
  },
  sanction_issuing_body_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'issuingBody',
    message: 'The issuing body cannot be blank.',
  },
  sanction_revocation_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'revocationReason',
    message: 'A revocation date and its reason go together: give both or neither.',
  },
  sanction_tolerance_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'basis',
    message: 'A 容错 decision needs its basis and date.',
  },
  sanction_revoked_on_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'decisionDate',
    message: 'The record was revoked before this decision date.',
  },
  sanction_tolerance_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'decisionDate',
    message: 'The record has a 容错 decision dated before this decision date.',
  },
  sanction_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'Another sanction of this source already has this external id.',
  },
  sanction_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
  },
  sanction_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This sanction is kept by another source; an HR system changes only its own records.',
  },
  rank_grant_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
  },
  rank_grant_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This rank grant is kept by another source; an HR system changes only its own records.',
  },
  rank_grant_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
  },
  rank_grant_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'The level is not a code on the rank ladder.',
  },
  rank_grant_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
  },
  rank_grant_start_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'startDate',
    message: 'The start date is out of range.',
  },
  rank_grant_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'Another rank grant of this source already has this external id.',
  },
  rank_grant_no_overlap_excl: {
    code: ErrorCode.CONFLICT,
    field: 'startDate',
    message: 'A cadre holds one rank at a time: rank grants cannot overlap.',
  },
  appraisal_cadre_fkey: { code: ErrorCode.NOT_FOUND, field: 'cadreId', message: 'The cadre does not exist.' },
  appraisal_cadre_year_key: {
    code: ErrorCode.CONFLICT,
    field: 'year',
    message: 'This cadre already has an appraisal for that year.',
  },
  cadre_education_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
  },
  cadre_education_dates_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'endDate',
    message: 'The end date is before the start date.',
  },
  cadre_education_start_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'startDate',
    message: 'The start date is out of range.',
  },
  family_member_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
  },
  family_member_name_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'name',
    message: 'The name must not be blank.',
  },
  family_member_relation_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'relation',
    message: 'The relation must not be blank.',
  },
  unit_area_name_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'areaName',
    message: 'The area name must not be blank.',
  },
  family_member_related_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'relatedCadreId',
    message: 'The related cadre does not exist.',
  },
  family_member_not_self_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'relatedCadreId',
    message: 'A cadre is not their own relative.',
  },
  family_member_related_cadre_key: {
    code: ErrorCode.CONFLICT,
    field: 'relatedCadreId',
    message: 'This cadre is already recorded as a relative of the cadre.',
  },
  family_member_relation_kind_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'relationKind',
    message: 'The kind of relation is not known.',
  },
  family_member_birth_date_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'birthDate',
    message: 'The birth date is out of range.',
  },
  cadre_photo_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
  },
  cadre_photo_size_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'base64',
    message: 'The photo is at most 32 KiB.',
  },
  appointment_proposal_cadre_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre does not exist.',
  },
  appointment_proposal_posts_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'proposedPost',
    message: 'Name the proposed post, the posts to be removed, or both.',
  },
  appointment_proposal_proposed_on_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'proposedOn',
    message: 'The proposal date is out of range.',
  },
  appraisal_year_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'year',
    message: 'The year must be between 1950 and 2100.',
  },
  // Posts, quotas and slates (1764237600000).
  post_unit_fkey: { code: ErrorCode.NOT_FOUND, field: 'unitId', message: 'The unit does not exist.' },
  post_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'A post’s level must be a code on the LEADERSHIP ladder.',
  },
  post_title_check: { code: ErrorCode.BAD_USER_INPUT, field: 'title', message: 'A post needs a title.' },
  post_approved_holders_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'approvedHolders',
    message: 'The approved number of holders is 0 to 1000.',
  },
  post_domains_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'requiredDomains',
    message: 'A domain is either required or preferred, not both; at most 20 of each.',
  },
  post_domain_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'requiredDomains',
    message: 'A domain is not in the taxonomy.',
  },
  post_established_on_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'establishedOn',
    message: 'The establishment date is out of range.',
  },
  post_source_pair_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'externalId',
    message: 'A source and an external id go together: give both or neither.',
  },
  post_source_owner_check: {
    code: ErrorCode.FORBIDDEN,
    field: 'source',
    message: 'This post is kept by another source; an HR system changes only its own records.',
  },
  post_source_external_key: {
    code: ErrorCode.CONFLICT,
    field: 'externalId',
    message: 'This source already has a post with this external id.',
  },
  post_unit_title_key: {
    code: ErrorCode.CONFLICT,
    field: 'title',
    message: 'The unit already has a post with this title.',
  },
  posting_post_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'postId',
    message: 'A posting names a post of its own unit; this post is not one of that unit’s posts.',
  },
  post_quota_level_fkey: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'level',
    message: 'A quota’s level must be a code on the LEADERSHIP ladder.',
  },
  post_quota_places_check: {
    code: ErrorCode.BAD_USER_INPUT,
    field: 'places',
    message: 'A quota is 0 to 100,000 places.',
  },
  post_quota_unit_fkey: { code: ErrorCode.NOT_FOUND, field: 'unitId', message: 'The unit does not exist.' },
  slate_decision_appointed_key: {
    code: ErrorCode.CONFLICT,
    field: 'cadreId',
    message: 'This cadre has already been appointed from this slate.',
  },
  slate_decision_member_fkey: {
    code: ErrorCode.NOT_FOUND,
    field: 'cadreId',
    message: 'The cadre is not on this slate.',
  },
};

const GENERIC: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: ErrorCode.CONFLICT, message: 'This record already exists.' },
  '23503': { code: ErrorCode.NOT_FOUND, message: 'A referenced record does not exist.' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is out of its allowed range.' },
  '23P01': { code: ErrorCode.CONFLICT, message: 'This record overlaps another one.' },
  '23502': { code: ErrorCode.BAD_USER_INPUT, message: 'A required value is missing.' },
  '22001': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long.' },
  '22P02': { code: ErrorCode.BAD_USER_INPUT, message: 'A value has the wrong format.' },
  '22007': { code: ErrorCode.BAD_USER_INPUT, message: 'A date is not valid.' },
  '22008': { code: ErrorCode.BAD_USER_INPUT, message: 'A date is out of range.' },
  '22003': { code: ErrorCode.BAD_USER_INPUT, message: 'A number is out of range.' },
  '22021': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A value holds a character that cannot be stored (such as U+0000).',
  },
  '22P05': {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'A value holds a character that cannot be stored (such as U+0000).',
  },
  '54000': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long.' },
  '40001': { code: ErrorCode.CONFLICT, message: 'A concurrent change got in the way; try again.' },
  '40P01': { code: ErrorCode.CONFLICT, message: 'A concurrent change got in the way; try again.' },
};

/** Turns a PostgreSQL error into a DomainError a client can act on, or undefined if it is not a data error. */
/** The field and sentence of a named constraint, for code that checks the same rule before the database does. */
export function constraintProblem(constraint: string): { field: string; message: string } {
  const known = CONSTRAINTS[constraint];
  if (!known) throw new Error(`No message for constraint ${constraint}`);
  return { field: known.field, message: known.message };
}

export function fromDatabaseError(err: unknown): DomainError | undefined {
  const e = (err as { driverError?: PgError }).driverError ?? (err as PgError);
  if (!e || typeof e.code !== 'string') return undefined;
  const known = e.constraint ? CONSTRAINTS[e.constraint] : undefined;
  if (known) return new DomainError(known.code, known.message, known.field);
  const generic = GENERIC[e.code];
  return generic ? new DomainError(generic.code, generic.message) : undefined;
}
