import { Injectable } from '@nestjs/common';
import { violatedConstraints } from '../record-validation';
import { CadreRecordInput } from '../dto/cadre-record.input';
import {
  createStage,
  finishStage,
  rejectOthersRecords,
  STAGE_STATE,
  StageColumn,
  stageRows,
} from '../staging';
import { Indexed, RecordError, SyncContext, SyncHandler } from '../sync.types';

const STAGE = 'sync_cadre_stage';
const COLUMNS: StageColumn[] = [
  { name: 'idx', type: 'int' },
  { name: 'external_id', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'gender', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'work_start_date', type: 'date' },
  { name: 'education_level', type: 'text' },
  { name: 'party_join_date', type: 'date' },
  { name: 'ethnicity', type: 'text' },
  { name: 'native_place', type: 'text' },
  { name: 'education_major', type: 'text' },
  { name: 'education_in_service', type: 'boolean' },
  { name: 'professional_title', type: 'text' },
  { name: 'status', type: 'text' },
];
/** Every column a sync sets, in one place for the compare, the insert and the update. */
const FIELDS = COLUMNS.slice(2).map((c) => c.name);
const list = (alias: string): string => FIELDS.map((f) => `${alias}.${f}`).join(', ');

/**
 * Cadres by externalId (the person number is national, so every source's postings may name any cadre). A
 * cadre belongs to the source that created it; only that source changes it. Never ended or deleted.
 */
@Injectable()
export class CadresSync implements SyncHandler<CadreRecordInput> {
  readonly kind = 'CADRES' as const;
  readonly recordClass = CadreRecordInput;
  readonly keyField = 'externalId';

  key(r: CadreRecordInput): string {
    return r.externalId;
  }

  check(r: CadreRecordInput): RecordError[] {
    return violatedConstraints([
      [r.birthDate < '1900-01-01' || r.birthDate > '2100-01-01', 'cadre_birth_date_check'],
      [r.workStartDate <= r.birthDate, 'cadre_work_start_check'],
      [!!r.partyJoinDate && r.partyJoinDate <= r.birthDate, 'cadre_party_join_check'],
    ]);
  }

  async classify(ctx: SyncContext, records: Indexed<CadreRecordInput>[]) {
    const { qr } = ctx;
    await createStage(qr, STAGE, COLUMNS, STAGE_STATE);
    await stageRows(
      qr,
      STAGE,
      COLUMNS,
      records.map(({ index, record: r }) => [
        index,
        r.externalId,
        r.name,
        r.gender,
        r.birthDate,
        r.workStartDate,
        r.educationLevel,
        r.partyJoinDate ?? null,
        r.ethnicity ?? null,
        r.nativePlace ?? null,
        r.educationMajor ?? null,
        r.educationInService ?? false,
        r.professionalTitle ?? null,
        r.status ?? 'ACTIVE',
      ]),
    );
    await qr.query(
      `
      UPDATE ${STAGE} s SET outcome = CASE WHEN (${list('c')}) IS NOT DISTINCT FROM (${list('s')})
                                      AND (${ctx.takesOver} IS FALSE OR c.source IS NOT DISTINCT FROM $1::text)
                                      THEN 'UNCHANGED' ELSE 'UPDATED' END
        FROM cadre c WHERE c.external_id = s.external_id`,
      [ctx.source],
    );
    await rejectOthersRecords(ctx, STAGE, {
      table: 'cadre',
      match: 't.external_id = s.external_id',
      field: 'externalId',
      what: 'Cadre',
      key: 'external_id',
    });
    return { results: await finishStage(qr, STAGE, 'external_id'), ended: [] };
  }

  async apply(ctx: SyncContext): Promise<void> {
    await ctx.qr.query(
      `
      INSERT INTO cadre (external_id, ${FIELDS.join(', ')}, source)
      SELECT external_id, ${FIELDS.join(', ')}, $1::text FROM ${STAGE} WHERE outcome IN ('CREATED', 'UPDATED')
      ON CONFLICT (external_id) DO UPDATE SET ${FIELDS.map((f) => `${f} = EXCLUDED.${f}`).join(', ')},
        source = EXCLUDED.source, updated_at = now()
      WHERE (${list('cadre')}, cadre.source) IS DISTINCT FROM (${list('EXCLUDED')}, EXCLUDED.source)`,
      [ctx.source],
    );
  }
}
