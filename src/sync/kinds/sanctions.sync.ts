import { Injectable } from '@nestjs/common';
import { SanctionRecordInput } from '../dto/sanction-record.input';
import { violatedConstraints } from '../record-validation';
import { createStage, finishStage, rejectWhere, STAGE_STATE, StageColumn, stageRows } from '../staging';
import { Indexed, RecordError, RecordErrorCode, SyncContext, SyncHandler } from '../sync.types';

const STAGE = 'sync_sanction_stage';
const COLUMNS: StageColumn[] = [
  { name: 'idx', type: 'int' },
  { name: 'external_id', type: 'text' },
  { name: 'cadre_key', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'decision_date', type: 'date' },
  { name: 'effective_date', type: 'date' },
  { name: 'issuing_body', type: 'text' },
  { name: 'document_number', type: 'text' },
  { name: 'note', type: 'text' },
  { name: 'revoked_on', type: 'date' },
  { name: 'revocation_reason', type: 'text' },
];
/** The columns a sync writes; the 容错 columns are the organisation department's and stay as they are. */
const FIELDS = [
  'cadre_id',
  'kind',
  'decision_date',
  'effective_date',
  'issuing_body',
  'document_number',
  'note',
  'revoked_on',
  'revocation_reason',
];
const list = (prefix: string) => FIELDS.map((f) => `${prefix}.${f}`).join(', ');

/** Sanctions by (source, externalId), like postings: a source finds and changes only its own records. */
@Injectable()
export class SanctionsSync implements SyncHandler<SanctionRecordInput> {
  readonly kind = 'SANCTIONS' as const;
  readonly recordClass = SanctionRecordInput;
  readonly keyField = 'externalId';

  key(r: SanctionRecordInput): string {
    return r.externalId;
  }

  check(r: SanctionRecordInput): RecordError[] {
    return violatedConstraints([
      [r.decisionDate < '1950-01-01' || r.decisionDate > '2100-01-01', 'sanction_decision_date_check'],
      [r.effectiveDate < r.decisionDate, 'sanction_effective_date_check'],
      [!r.revokedOn !== !r.revocationReason, 'sanction_revocation_pair_check'],
      [!!r.revokedOn && r.revokedOn < r.decisionDate, 'sanction_revoked_on_check'],
    ]);
  }

  async classify(ctx: SyncContext, records: Indexed<SanctionRecordInput>[]) {
    const { qr } = ctx;
    await createStage(qr, STAGE, COLUMNS, ['cadre_id uuid', 'sanction_id uuid', ...STAGE_STATE]);
    await stageRows(
      qr,
      STAGE,
      COLUMNS,
      records.map(({ index, record: r }) => [
        index,
        r.externalId,
        r.cadreExternalId,
        r.kind,
        r.decisionDate,
        r.effectiveDate,
        r.issuingBody,
        r.documentNumber ?? null,
        r.note ?? null,
        r.revokedOn ?? null,
        r.revocationReason ?? null,
      ]),
    );
    await qr.query(`ANALYZE ${STAGE}`);
    await qr.query(`UPDATE ${STAGE} s SET cadre_id = c.id FROM cadre c WHERE c.external_id = s.cadre_key`);
    await qr.query(
      `UPDATE ${STAGE} s SET sanction_id = x.id,
         outcome = CASE WHEN (${list('x')}) IS NOT DISTINCT FROM (${list('s')}) THEN 'UNCHANGED' ELSE 'UPDATED' END
         FROM sanction x WHERE x.source = $1 AND x.external_id = s.external_id`,
      [ctx.source],
    );
    await rejectWhere(qr, STAGE, 's.cadre_id IS NULL', {
      field: 'cadreExternalId',
      code: RecordErrorCode.UNKNOWN_CADRE,
      messageSql: `'No cadre has external id ' || s.cadre_key || '.'`,
      text: { key: 'sync.unknownCadre', paramsSql: `jsonb_build_object('key', s.cadre_key)` },
    });
    await rejectWhere(
      qr,
      STAGE,
      `s.outcome = 'UPDATED' AND EXISTS (SELECT 1 FROM sanction x
         WHERE x.id = s.sanction_id AND x.tolerance_decided_on < s.decision_date)`,
      {
        field: 'decisionDate',
        code: RecordErrorCode.INVALID,
        messageSql: `'The record has a 容错 decision dated before ' || s.decision_date || '.'`,
      },
    );
    return { results: await finishStage(qr, STAGE, 'external_id'), ended: [] };
  }

  async apply(ctx: SyncContext): Promise<void> {
    const { qr } = ctx;
    const set = FIELDS.map((f) => `${f} = s.${f}`).join(', ');
    await qr.query(`
      UPDATE sanction x SET ${set}, updated_at = now()
        FROM ${STAGE} s WHERE s.outcome = 'UPDATED' AND x.id = s.sanction_id`);
    await qr.query(
      `INSERT INTO sanction (${FIELDS.join(', ')}, source, external_id)
       SELECT ${FIELDS.join(', ')}, $1, external_id FROM ${STAGE} WHERE outcome = 'CREATED'`,
      [ctx.source],
    );
  }
}
