import { Injectable } from '@nestjs/common';
import { violatedConstraints } from '../record-validation';
import { DomainError } from '../../common/errors/domain-error';
import { PostingRecordInput } from '../dto/posting-record.input';
import { createStage, finishStage, rejectWhere, STAGE_STATE, StageColumn, stageRows } from '../staging';
import { Indexed, RecordError, RecordErrorCode, SyncContext, SyncHandler } from '../sync.types';

const STAGE = 'sync_posting_stage';
const ENDED = 'sync_posting_ended';
const COLUMNS: StageColumn[] = [
  { name: 'idx', type: 'int' },
  { name: 'external_id', type: 'text' },
  { name: 'cadre_key', type: 'text' },
  { name: 'unit_key', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'start_date', type: 'date' },
  { name: 'end_date', type: 'date' },
];
/**
 * Accepted so far, of a kind that cannot overlap (REGULAR, or CONCURRENT in the same post), and new or changed:
 * an unchanged record's row already keeps the constraint.
 */
const CHANGING = `s.errors = '[]'::jsonb AND s.kind IN ('REGULAR', 'CONCURRENT') AND s.outcome IS DISTINCT FROM 'UNCHANGED'`;
/** Postings `o` that `s` may not overlap: REGULAR with REGULAR, CONCURRENT with CONCURRENT in the same post. */
const clashes = (o: string) =>
  `${o}.kind = s.kind AND (s.kind = 'REGULAR' OR (${o}.unit_id = s.unit_id AND ${o}.level = s.level))`;
/** The rejection's words for a clash of `s`, within the batch or with a stored posting. */
const overlapMessage = (what: string) => `CASE WHEN s.kind = 'REGULAR'
      THEN '${what} gives cadre ' || s.cadre_key || ' an overlapping regular posting; regular postings of one cadre cannot overlap.'
      ELSE '${what} gives cadre ' || s.cadre_key || ' the same concurrent post (unit and level) twice over overlapping dates.' END`;
const PERIOD = `daterange(s.start_date, s.end_date, '[]')`;
const FIELDS = `cadre_id, unit_id, title, level, kind, start_date, end_date`;

/** Postings by (source, externalId); a SNAPSHOT ends this source's postings in scope that were not sent. */
@Injectable()
export class PostingsSync implements SyncHandler<PostingRecordInput> {
  readonly kind = 'POSTINGS' as const;
  readonly recordClass = PostingRecordInput;
  readonly keyField = 'externalId';

  key(r: PostingRecordInput): string {
    return r.externalId;
  }

  check(r: PostingRecordInput): RecordError[] {
    return violatedConstraints([
      [r.startDate < '1940-01-01' || r.startDate > '2100-01-01', 'posting_start_date_check'],
      [!!r.endDate && r.endDate < r.startDate, 'posting_dates_check'],
    ]);
  }

  async prepare(ctx: SyncContext): Promise<void> {
    if (!ctx.scopeUnitCode) return;
    const units = (await ctx.qr.query(`SELECT 1 FROM unit WHERE code = $1`, [
      ctx.scopeUnitCode,
    ])) as unknown[];
    if (units.length === 0) throw DomainError.notFound('Unit', ctx.scopeUnitCode, 'scopeUnitCode');
  }

  async classify(ctx: SyncContext, records: Indexed<PostingRecordInput>[]) {
    const { qr } = ctx;
    await createStage(qr, STAGE, COLUMNS, [
      'cadre_id uuid',
      'unit_id uuid',
      'posting_id uuid',
      ...STAGE_STATE,
    ]);
    await stageRows(
      qr,
      STAGE,
      COLUMNS,
      records.map(({ index, record: r }) => [
        index,
        r.externalId,
        r.cadreExternalId,
        r.unitCode,
        r.title,
        r.level,
        r.kind ?? 'REGULAR',
        r.startDate,
        r.endDate ?? null,
      ]),
    );
    await qr.query(`ANALYZE ${STAGE}`);
    await qr.query(`UPDATE ${STAGE} s SET cadre_id = c.id FROM cadre c WHERE c.external_id = s.cadre_key`);
    await qr.query(`UPDATE ${STAGE} s SET unit_id = u.id FROM unit u WHERE u.code = s.unit_key`);
    await qr.query(
      `
      UPDATE ${STAGE} s SET posting_id = p.id,
        outcome = CASE WHEN (p.cadre_id, p.unit_id, p.title, p.level, p.kind, p.start_date, p.end_date)
                    IS NOT DISTINCT FROM (s.cadre_id, s.unit_id, s.title, s.level, s.kind, s.start_date, s.end_date)
                  THEN 'UNCHANGED' ELSE 'UPDATED' END
        FROM posting p WHERE p.source = $1 AND p.external_id = s.external_id`,
      [ctx.source],
    );
    await rejectWhere(qr, STAGE, 's.cadre_id IS NULL', {
      field: 'cadreExternalId',
      code: RecordErrorCode.UNKNOWN_CADRE,
      messageSql: `'No cadre has external id ' || s.cadre_key || '.'`,
      text: { key: 'sync.unknownCadre', paramsSql: `jsonb_build_object('key', s.cadre_key)` },
    });
    await rejectWhere(qr, STAGE, 's.unit_id IS NULL', {
      field: 'unitCode',
      code: RecordErrorCode.UNKNOWN_UNIT,
      messageSql: `'No unit has code ' || s.unit_key || '.'`,
      text: { key: 'sync.unknownUnit', paramsSql: `jsonb_build_object('key', s.unit_key)` },
    });
    await rejectWhere(qr, STAGE, 'NOT EXISTS (SELECT 1 FROM position_level l WHERE l.code = s.level)', {
      field: 'level',
      code: RecordErrorCode.UNKNOWN_LEVEL,
      messageSql: `'Level ' || s.level || ' is not a code on any ladder.'`,
      text: { key: 'sync.unknownLevel', paramsSql: `jsonb_build_object('level', s.level)` },
    });
    await qr.query(`CREATE INDEX ON ${STAGE} (cadre_id)`);
    await qr.query(`CREATE INDEX ON ${STAGE} (posting_id)`);
    await qr.query(`ANALYZE ${STAGE}`);
    await this.findEnded(ctx);
    await this.rejectOverlaps(ctx);
    const results = await finishStage(qr, STAGE, 'external_id');
    const ended = (await qr.query(`SELECT external_id FROM ${ENDED} ORDER BY external_id`)) as {
      external_id: string;
    }[];
    return { results, ended: ended.map((e) => e.external_id) };
  }

  /** SNAPSHOT: open (or later-ending) postings of this source in scope that the batch did not send. */
  private async findEnded(ctx: SyncContext): Promise<void> {
    await ctx.qr.query(`CREATE TEMP TABLE ${ENDED} (id uuid, external_id text, new_end date) ON COMMIT DROP`);
    if (ctx.mode !== 'SNAPSHOT') return;
    await ctx.qr.query(
      `INSERT INTO ${ENDED}
       SELECT p.id, p.external_id, GREATEST(p.start_date, $3::date - 1)
         FROM posting p JOIN unit u ON u.id = p.unit_id JOIN unit scope ON scope.code = $2
        WHERE p.source = $1 AND u.path <@ scope.path
          AND (p.end_date IS NULL OR p.end_date > GREATEST(p.start_date, $3::date - 1))
          AND p.external_id <> ALL($4::text[])`,
      [ctx.source, ctx.scopeUnitCode, ctx.asOf, ctx.sentKeys],
    );
  }

  /**
   * Regular postings of one cadre cannot overlap, nor concurrent ones in the same post: each new or changed record is checked against the cadre's
   * postings as they will be (those this batch changes left out, those it ends shortened) and against the
   * batch's other new or changed records. Repeated until stable, since a record rejected here no longer replaces
   * its old row.
   */
  private async rejectOverlaps(ctx: SyncContext): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      const withExisting = await rejectWhere(
        ctx.qr,
        STAGE,
        `${CHANGING} AND EXISTS (
           SELECT 1 FROM posting p LEFT JOIN ${ENDED} e ON e.id = p.id
            WHERE p.cadre_id = s.cadre_id AND ${clashes('p')}
              -- implied by the test below (an ended posting only gets shorter): each record's check is then a
              -- lookup in the no-overlap index; OFFSET 0 keeps it one (joined instead, PostgreSQL hashed every
              -- regular posting in the province for each batch: ~0.3 s of 10,000 new postings on 100,000 cadres)
              AND p.period && ${PERIOD}
              AND NOT EXISTS (SELECT 1 FROM ${STAGE} o
                               WHERE o.posting_id = p.id AND o.outcome = 'UPDATED' AND o.errors = '[]'::jsonb)
              AND CASE WHEN e.id IS NULL THEN p.period ELSE daterange(p.start_date, e.new_end, '[]') END && ${PERIOD}
            OFFSET 0)`,
        {
          field: 'startDate',
          code: RecordErrorCode.OVERLAP,
          messageSql: `CASE WHEN s.kind = 'REGULAR'
            THEN 'Cadre ' || s.cadre_key || ' already holds a regular posting overlapping ' || s.start_date ||
              ' to ' || coalesce(s.end_date::text, 'now') || '; regular postings of one cadre cannot overlap.'
            ELSE 'Cadre ' || s.cadre_key || ' already holds this concurrent post (unit and level) overlapping ' ||
              s.start_date || ' to ' || coalesce(s.end_date::text, 'now') || '.' END`,
        },
      );
      const withinBatch = await rejectWhere(
        ctx.qr,
        STAGE,
        `${CHANGING} AND EXISTS (
           SELECT 1 FROM ${STAGE} o
            WHERE o.cadre_id = s.cadre_id AND o.idx <> s.idx AND ${clashes('o')} AND o.errors = '[]'::jsonb
              AND o.outcome IS DISTINCT FROM 'UNCHANGED'
              AND daterange(o.start_date, o.end_date, '[]') && ${PERIOD})`,
        {
          field: 'startDate',
          code: RecordErrorCode.OVERLAP,
          messageSql: overlapMessage('Another record in this batch'),
        },
      );
      if (withExisting + withinBatch === 0) return;
    }
  }

  /** Ends, then updates, then inserts, in one transaction checked for overlaps at commit. */
  async apply(ctx: SyncContext): Promise<void> {
    const { qr } = ctx;
    // Checked at commit instead: classify has ruled out overlaps, but one UPDATE moving the boundary between
    // two postings of a cadre would trip over the other's old period if checked row by row.
    await qr.query(`SET CONSTRAINTS posting_no_overlap_excl, posting_concurrent_overlap_excl DEFERRED`);
    // The three statements below touch the same cadres (a new posting closes the one before it): their runs, and
    // the spans read from them, are refreshed once at the end instead of after each (migration 1764237900000).
    await qr.query(`SELECT defer_posting_runs()`);
    await qr.query(
      `UPDATE posting p SET end_date = e.new_end, updated_at = now() FROM ${ENDED} e WHERE p.id = e.id`,
    );
    await qr.query(`
      UPDATE posting p SET cadre_id = s.cadre_id, unit_id = s.unit_id, title = s.title, level = s.level,
          kind = s.kind, start_date = s.start_date, end_date = s.end_date, updated_at = now()
        FROM ${STAGE} s WHERE s.outcome = 'UPDATED' AND p.id = s.posting_id`);
    await qr.query(
      `INSERT INTO posting (${FIELDS}, source, external_id)
       SELECT ${FIELDS}, $1, external_id FROM ${STAGE} WHERE outcome = 'CREATED'
       ON CONFLICT (source, external_id) DO UPDATE SET cadre_id = EXCLUDED.cadre_id, unit_id = EXCLUDED.unit_id,
         title = EXCLUDED.title, level = EXCLUDED.level, kind = EXCLUDED.kind, start_date = EXCLUDED.start_date,
         end_date = EXCLUDED.end_date, updated_at = now()
       WHERE (posting.${FIELDS.split(', ').join(', posting.')})
         IS DISTINCT FROM (EXCLUDED.${FIELDS.split(', ').join(', EXCLUDED.')})`,
      [ctx.source],
    );
    await qr.query(`SELECT flush_posting_runs()`);
  }
}
