import { errorText } from '../i18n/errors';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Cadre } from './cadre.model';

/** The columns of Cadre from `cadre c`, named as its fields. */
export const CADRE_COLUMNS = `c.id, c.external_id AS "externalId", c.name, c.gender, c.birth_date AS "birthDate",
  c.ethnicity, c.native_place AS "nativePlace", c.party_join_date AS "partyJoinDate",
  c.work_start_date AS "workStartDate", c.education_level AS "educationLevel", c.education_major AS "educationMajor",
  c.education_in_service AS "educationInService", c.professional_title AS "professionalTitle", c.status,
  c.source, c.place_of_birth AS "placeOfBirth", c.health, c.specialties, c.rewards_penalties AS "rewardsPenalties"`;

/**
 * Cadres by id, as plain rows in the GraphQL type's shape; ids the caller may not read (decided by `readable`,
 * one query per batch) are FORBIDDEN.
 */
export function createCadreLoader(
  ds: DataSource,
  readable: (ids: readonly string[]) => Promise<Set<string>>,
): DataLoader<string, Cadre | null> {
  return new DataLoader<string, Cadre | null>(async (ids) => {
    const allowed = await readable(ids);
    const wanted = ids.filter((id) => allowed.has(id));
    const rows: Cadre[] = wanted.length
      ? await ds.query(`SELECT ${CADRE_COLUMNS} FROM cadre c WHERE c.id = ANY($1::uuid[])`, [wanted])
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) =>
      allowed.has(id) ? (byId.get(id) ?? null) : DomainError.forbidden(errorText('access.cadreNotVisible')),
    );
  });
}
