import { Injectable } from '@nestjs/common';
import { UnitRecordInput } from '../dto/unit-record.input';
import {
  createStage,
  finishStage,
  rejectOthersRecords,
  rejectWhere,
  STAGE_STATE,
  StageColumn,
  stageRows,
} from '../staging';
import { Indexed, RecordError, RecordErrorCode, SyncContext, SyncHandler } from '../sync.types';
import { parentCycles, writeOrder } from './unit-tree';

const STAGE = 'sync_unit_stage';
const COLUMNS: StageColumn[] = [
  { name: 'idx', type: 'int' },
  { name: 'code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'parent_code', type: 'text' },
];

/**
 * Units by code, parents by code; a parent created in the same batch is written before its children. A unit
 * belongs to the source that created it: another HR source may place its own units under it, not change it.
 */
@Injectable()
export class UnitsSync implements SyncHandler<UnitRecordInput> {
  readonly kind = 'UNITS' as const;
  readonly recordClass = UnitRecordInput;
  readonly keyField = 'code';

  key(r: UnitRecordInput): string {
    return r.code;
  }

  check(r: UnitRecordInput): RecordError[] {
    if (r.parentCode !== r.code) return [];
    return [
      {
        field: 'parentCode',
        code: RecordErrorCode.PARENT_CYCLE,
        message: 'A unit cannot be its own parent.',
      },
    ];
  }

  checkBatch(records: Indexed<UnitRecordInput>[]): Map<number, RecordError[]> {
    const error: RecordError = {
      field: 'parentCode',
      code: RecordErrorCode.PARENT_CYCLE,
      message: 'The parents in this batch form a cycle: a unit cannot be under itself.',
    };
    return new Map(parentCycles(records).map((index) => [index, [error]]));
  }

  async classify(ctx: SyncContext, records: Indexed<UnitRecordInput>[]) {
    const { qr } = ctx;
    await createStage(qr, STAGE, COLUMNS, STAGE_STATE);
    await stageRows(
      qr,
      STAGE,
      COLUMNS,
      records.map(({ index, record: r }) => [index, r.code, r.name, r.level, r.kind, r.parentCode ?? null]),
    );
    await qr.query(
      `
      UPDATE ${STAGE} s SET outcome = CASE WHEN (u.name, u.level, u.kind, pu.code)
                                      IS NOT DISTINCT FROM (s.name, s.level, s.kind, s.parent_code)
                                      AND (${ctx.takesOver} IS FALSE OR u.source IS NOT DISTINCT FROM $1::text)
                                      THEN 'UNCHANGED' ELSE 'UPDATED' END
        FROM unit u LEFT JOIN unit pu ON pu.id = u.parent_id WHERE u.code = s.code`,
      [ctx.source],
    );
    await rejectOthersRecords(ctx, STAGE, {
      table: 'unit',
      match: 't.code = s.code',
      field: 'code',
      what: 'Unit',
      key: 'code',
    });
    // A parent must exist already or come in this batch, and not be rejected there (which may cascade).
    for (let changed = 1; changed > 0;) {
      changed = await rejectWhere(
        qr,
        STAGE,
        `s.errors = '[]'::jsonb AND s.parent_code IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.code = s.parent_code)
         AND NOT EXISTS (SELECT 1 FROM ${STAGE} o WHERE o.code = s.parent_code AND o.errors = '[]'::jsonb)`,
        {
          field: 'parentCode',
          code: RecordErrorCode.UNKNOWN_PARENT,
          messageSql: `'No unit has code ' || s.parent_code || ', and no accepted record in this batch creates it.'`,
        },
      );
    }
    return { results: await finishStage(qr, STAGE, 'code'), ended: [] };
  }

  /** One upsert per depth of the batch's own tree, parents first, so the path trigger finds each parent. */
  async apply(ctx: SyncContext): Promise<void> {
    const rows = (await ctx.qr.query(
      `SELECT code, parent_code AS "parentCode" FROM ${STAGE} WHERE outcome IN ('CREATED', 'UPDATED')`,
    )) as { code: string; parentCode: string | null }[];
    for (const codes of writeOrder(rows)) {
      await ctx.qr.query(
        `INSERT INTO unit (code, name, level, kind, parent_id, source)
         SELECT s.code, s.name, s.level, s.kind, pu.id, $2::text
           FROM ${STAGE} s LEFT JOIN unit pu ON pu.code = s.parent_code WHERE s.code = ANY($1::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, kind = EXCLUDED.kind,
           parent_id = EXCLUDED.parent_id, source = EXCLUDED.source, updated_at = now()
         WHERE (unit.name, unit.level, unit.kind, unit.parent_id, unit.source)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.kind, EXCLUDED.parent_id, EXCLUDED.source)`,
        [codes, ctx.source],
      );
    }
  }
}
