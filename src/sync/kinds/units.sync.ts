import { errorText } from '../../i18n/errors';
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
const MOVES = 'sync_unit_moves';
/**
 * The staged row's parent chain in the tree as it will be (an accepted record's parent, else the existing
 * one) comes back to the row's own code. A new cycle has a new or changed row in it, so unchanged rows (a full
 * roster re-sent) are not walked. Bounded, so a cycle elsewhere in the chain cannot run forever.
 */
const UNDER_ITSELF = `s.parent_code IS NOT NULL AND s.outcome IS DISTINCT FROM 'UNCHANGED' AND EXISTS (
  WITH RECURSIVE up(code, depth) AS (
    SELECT s.parent_code, 1
    UNION ALL
    SELECT CASE WHEN o.code IS NOT NULL THEN o.parent_code ELSE pu.code END, up.depth + 1
      FROM up LEFT JOIN ${STAGE} o ON o.code = up.code AND o.errors = '[]'::jsonb
              LEFT JOIN unit u ON u.code = up.code LEFT JOIN unit pu ON pu.id = u.parent_id
     WHERE up.code <> s.code AND up.depth < 100)
  SELECT 1 FROM up WHERE up.code = s.code)`;
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
        text: errorText('sync.ownParent'),
      },
    ];
  }

  checkBatch(records: Indexed<UnitRecordInput>[]): Map<number, RecordError[]> {
    const error: RecordError = {
      field: 'parentCode',
      code: RecordErrorCode.PARENT_CYCLE,
      message: 'The parents in this batch form a cycle: a unit cannot be under itself.',
      text: errorText('sync.parentCycle'),
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
    await qr.query(`CREATE INDEX ON ${STAGE} (code)`);
    await qr.query(`ANALYZE ${STAGE}`);
    // A parent must exist already or come in this batch, and not be rejected there; and the tree as it will be
    // (the batch's accepted parents over the existing ones) must have no cycle. Each rejection may cascade.
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
      changed += await rejectWhere(qr, STAGE, `s.errors = '[]'::jsonb AND ${UNDER_ITSELF}`, {
        field: 'parentCode',
        code: RecordErrorCode.PARENT_CYCLE,
        messageSql: `'Unit ' || s.code || ' would end up under itself: ' || s.parent_code || ' is, or will be, below it.'`,
      });
    }
    return { results: await finishStage(qr, STAGE, 'code'), ended: [] };
  }

  /**
   * New units first, one insert per depth of the batch's own tree (parents first, so the path trigger finds each
   * parent); then the other fields of changed units; then moves, deepest first: a moved unit's trigger carries
   * its subtree along, so no statement may move a unit below another unit it moves (PostgreSQL refuses to
   * change a row twice in one statement), and a unit swapping places with its parent has left before the
   * parent takes its place.
   */
  async apply(ctx: SyncContext): Promise<void> {
    const { qr } = ctx;
    const created = (await qr.query(
      `SELECT code, parent_code AS "parentCode" FROM ${STAGE} WHERE outcome = 'CREATED'`,
    )) as { code: string; parentCode: string | null }[];
    for (const codes of writeOrder(created)) {
      await qr.query(
        `INSERT INTO unit (code, name, level, kind, parent_id, source)
         SELECT s.code, s.name, s.level, s.kind, pu.id, $2::text
           FROM ${STAGE} s LEFT JOIN unit pu ON pu.code = s.parent_code
          WHERE s.outcome = 'CREATED' AND s.code = ANY($1::text[])`,
        [codes, ctx.source],
      );
    }
    await qr.query(
      `UPDATE unit u SET name = s.name, level = s.level, kind = s.kind, source = $1::text, updated_at = now()
         FROM ${STAGE} s
        WHERE s.outcome = 'UPDATED' AND u.code = s.code
          AND (u.name, u.level, u.kind, u.source) IS DISTINCT FROM (s.name, s.level, s.kind, $1::text)`,
      [ctx.source],
    );
    await qr.query(
      `CREATE TEMP TABLE ${MOVES} ON COMMIT DROP AS
       SELECT u.id, np.id AS parent_id FROM ${STAGE} s JOIN unit u ON u.code = s.code
         LEFT JOIN unit np ON np.code = s.parent_code
        WHERE s.outcome = 'UPDATED' AND u.parent_id IS DISTINCT FROM np.id`,
    );
    for (let moved = 1; moved > 0;) {
      const res = (await qr.query(
        `WITH layer AS (
           DELETE FROM ${MOVES} m WHERE NOT EXISTS (
             SELECT 1 FROM ${MOVES} o JOIN unit ou ON ou.id = o.id JOIN unit mu ON mu.id = m.id
              WHERE o.id <> m.id AND ou.path <@ mu.path)
           RETURNING m.id, m.parent_id)
         UPDATE unit u SET parent_id = l.parent_id, updated_at = now() FROM layer l WHERE u.id = l.id`,
        [],
        true,
      )) as { affected?: number };
      moved = res.affected ?? 0;
    }
  }
}
