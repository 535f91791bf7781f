import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupBy } from '../common/graphql/group-by';
import { AppointmentProposal, CadreEducation, CadrePhoto, FamilyMember } from './form-records.model';

// Plain rows in the GraphQL types' shape (see achievement.loader.ts); one statement per batch of cadres.

export function createEducationsByCadreLoader(ds: DataSource): DataLoader<string, CadreEducation[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: CadreEducation[] = await ds.query(
      `SELECT id, cadre_id AS "cadreId", kind, level, degree, school, major, start_date AS "startDate",
              end_date AS "endDate" FROM cadre_education
        WHERE cadre_id = ANY($1::uuid[]) ORDER BY kind`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}

export function createFamilyByCadreLoader(ds: DataSource): DataLoader<string, FamilyMember[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: FamilyMember[] = await ds.query(
      `SELECT id, cadre_id AS "cadreId", position, relation, relation_kind AS "relationKind",
              related_cadre_id AS "relatedCadreId", name, birth_date AS "birthDate",
              political_status AS "politicalStatus", work_unit_and_post AS "workUnitAndPost"
         FROM family_member WHERE cadre_id = ANY($1::uuid[]) ORDER BY position, id`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}

/** The photo's type and size, not the picture. */
export function createPhotoByCadreLoader(ds: DataSource): DataLoader<string, CadrePhoto | null> {
  return new DataLoader(async (cadreIds) => {
    const rows: CadrePhoto[] = await ds.query(
      `SELECT cadre_id AS "cadreId", content_type AS "contentType", octet_length(content) AS "byteSize"
         FROM cadre_photo WHERE cadre_id = ANY($1::uuid[])`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId).map((g) => g[0] ?? null);
  });
}

export function createProposalsByCadreLoader(ds: DataSource): DataLoader<string, AppointmentProposal[]> {
  return new DataLoader(async (cadreIds) => {
    const rows: AppointmentProposal[] = await ds.query(
      `SELECT id, cadre_id AS "cadreId", proposed_on AS "proposedOn", proposed_post AS "proposedPost",
              posts_to_remove AS "postsToRemove", reason
         FROM appointment_proposal WHERE cadre_id = ANY($1::uuid[]) ORDER BY proposed_on, created_at`,
      [[...cadreIds]],
    );
    return groupBy(cadreIds, rows, (r) => r.cadreId);
  });
}
