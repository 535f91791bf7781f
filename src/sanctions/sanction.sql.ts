import { DataSource, EntityManager } from 'typeorm';
import { SanctionEntity } from './sanction.entity';
import { Sanction, SanctionPeriodOf } from './sanction.model';

type Row = SanctionEntity & { period: SanctionPeriodOf | null };

/**
 * Records with the influence period of their kind under the policy version in force on their effective date
 * (null under a version without SANCTION_PERIODS), in one statement: by record ids or by cadre ids.
 */
export async function readSanctions(
  db: DataSource | EntityManager,
  by: { ids: readonly string[] } | { cadreIds: readonly string[] },
): Promise<Sanction[]> {
  const [column, ids] = 'ids' in by ? ['s.id', by.ids] : ['s.cadre_id', by.cadreIds];
  const rows: Row[] = await db.query(
    `SELECT s.id, s.cadre_id AS "cadreId", s.kind, s.decision_date AS "decisionDate",
            s.effective_date AS "effectiveDate", s.issuing_body AS "issuingBody",
            s.document_number AS "documentNumber", s.note, s.revoked_on AS "revokedOn",
            s.revocation_reason AS "revocationReason", s.tolerance_basis AS "toleranceBasis",
            s.tolerance_decided_on AS "toleranceDecidedOn", s.tolerance_note AS "toleranceNote", s.source,
            s.external_id AS "externalId", pv.period
       FROM sanction s
       LEFT JOIN LATERAL (
         SELECT v.document #> ARRAY['rules', 'SANCTION_PERIODS', 'params', 'periods', s.kind] AS period
           FROM policy_version v WHERE v.effective_from <= s.effective_date
          ORDER BY v.effective_from DESC LIMIT 1) pv ON true
      WHERE ${column} = ANY($1::uuid[])
      ORDER BY s.decision_date, s.id`,
    [ids],
  );
  return rows.map((r) => Sanction.from(r, r.period));
}
