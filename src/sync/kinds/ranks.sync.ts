import { Injectable } from '@nestjs/common';
import { RankRecordInput } from '../dto/rank-record.input';
import { violatedConstraints } from '../record-validation';
import { createStage, finishStage, rejectWhere, STAGE_STATE, StageColumn, stageRows } from '../staging';
import { Indexed, RecordError, RecordErrorCode, SyncContext, SyncHandler } from '../sync.types';

const STAGE = 'sync_rank_stage';
const COLUMNS: StageColumn[] = [
  { name: 'idx', type: 'int' },
  { name: 'external_id', type: 'text' },
  { name: 'cadre_key', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'start_date', type: 'date' },
  { name: 'end_date', type: 'date' },
];
/** Accepted so far, and new or changed: an unchanged record's row already keeps the constraint. */
const CHANGING = `s.errors = '[]'::jsonb AND s.outcome IS DISTINCT FROM 'UNCHANGED'`;
const PERIOD = `daterange(s.start_date, s.end_date, '[]')`;
const FIELDS = `cadre_id, level, start_date, end_date`;

/**
 * Rank grants by (source, externalId), like postings: a source finds and changes only its own records (the
 * key includes it, and rank_grant_source_guard_trg refuses the rest). One cadre's ranks never overlap.
 */
@Injectable()
export class RanksSync implements SyncHandler<RankRecordInput> {
  readonly kind = 'RANKS' as const;
  readonly recordClass = RankRecordInput;
  readonly keyField = 'externalId';

  key(r: RankRecordInput): string {
    return r.externalId;
  }

  check(r: RankRecordInput): RecordError[] {
    return violatedConstraints([
      [r.startDate < '1940-01-01' || r.startDate > '2100-01-01', 'rank_grant_start_date_check'],
      [!!r.endDate && r.endDate < r.startDate, 'rank_grant_dates_check'],
    ]);
  }

  async classify(ctx: SyncContext, records: Indexed<RankRecordInput>[]) {
    const { qr } = ctx;
    await createStage(qr, STAGE, COLUMNS, ['cadre_id uuid', 'grant_id uuid', ...STAGE_STATE]);
    await stageRows(
      qr,
      STAGE,
      COLUMNS,
      records.map(({ index, record: r }) => [
        index,
        r.externalId,
        r.cadreExternalId,
        r.level,
        r.startDate,
        r.endDate ?? null,
      ]),
    );
    await qr.query(`ANALYZE ${STAGE}`);
    await qr.query(`UPDATE ${STAGE} s SET cadre_id = c.id FROM cadre c WHERE c.external_id = s.cadre_key`);
    await qr.query(
      `UPDATE ${STAGE} s SET grant_id = g.id,
         outcome = CASE WHEN (g.${FIELDS.split(', ').join(', g.')})
                      IS NOT DISTINCT FROM (s.${FIELDS.split(', ').join(', s.')})
                    THEN 'UNCHANGED' ELSE 'UPDATED' END
         FROM rank_grant g WHERE g.source = $1 AND g.external_id = s.external_id`,
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
      `NOT EXISTS (SELECT 1 FROM position_level l WHERE l.code = s.level AND l.ladder = 'RANK')`,
      {
        field: 'level',
        code: RecordErrorCode.UNKNOWN_LEVEL,
        messageSql: `'Level ' || s.level || ' is not a code on the rank ladder.'`,
        text: { key: 'sync.notRankLevel', paramsSql: `jsonb_build_object('level', s.level)` },
      },
    );
    await this.rejectOverlaps(ctx);
    return { results: await finishStage(qr, STAGE, 'external_id'), ended: [] };
  }

  /**
   * Each new or changed record against the cadre's ranks as they will be (those this batch changes left out)
   * and against the batch's other new or changed records; repeated until stable, since a record rejected here
   * no longer replaces its old row.
   */
  private async rejectOverlaps(ctx: SyncContext): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      const withExisting = await rejectWhere(
        ctx.qr,
        STAGE,
        `${CHANGING} AND EXISTS (
           SELECT 1 FROM rank_grant g
            WHERE g.cadre_id = s.cadre_id AND g.period && ${PERIOD} AND g.id IS DISTINCT FROM s.grant_id
              AND NOT EXISTS (SELECT 1 FROM ${STAGE} o
                               WHERE o.grant_id = g.id AND o.outcome = 'UPDATED' AND o.errors = '[]'::jsonb))`,
        {
          field: 'startDate',
          code: RecordErrorCode.OVERLAP,
          messageSql: `'Cadre ' || s.cadre_key || ' already holds a rank overlapping ' || s.start_date ||
            ' to ' || coalesce(s.end_date::text, 'now') || '; a cadre holds one rank at a time.'`,
        },
      );
      const withinBatch = await rejectWhere(
        ctx.qr,
        STAGE,
        `${CHANGING} AND EXISTS (
           SELECT 1 FROM ${STAGE} o
            WHERE o.cadre_id = s.cadre_id AND o.idx <> s.idx AND o.errors = '[]'::jsonb
              AND daterange(o.start_date, o.end_date, '[]') && ${PERIOD})`,
        {
          field: 'startDate',
          code: RecordErrorCode.OVERLAP,
          messageSql: `'Another record in this batch gives cadre ' || s.cadre_key ||
            ' an overlapping rank; a cadre holds one rank at a time.'`,
        },
      );
      if (withExisting + withinBatch === 0) return;
    }
  }

  /** Updates, then inserts, checked for overlaps at commit (one UPDATE may move a boundary between two). */
  async apply(ctx: SyncContext): Promise<void> {
    const { qr } = ctx;
    await qr.query(`SET CONSTRAINTS rank_grant_no_overlap_excl DEFERRED`);
    await qr.query(`
      UPDATE rank_grant g SET cadre_id = s.cadre_id, level = s.level, start_date = s.start_date,
          end_date = s.end_date, updated_at = now()
        FROM ${STAGE} s WHERE s.outcome = 'UPDATED' AND g.id = s.grant_id`);
    await qr.query(
      `INSERT INTO rank_grant (${FIELDS}, source, external_id)
       SELECT ${FIELDS}, $1, external_id FROM ${STAGE} WHERE outcome = 'CREATED'`,
      [ctx.source],
    );
  }
}
