import { Injectable } from '@nestjs/common';
import { PostRecordInput } from '../dto/post-record.input';
import { violatedConstraints } from '../record-validation';
import { createStage, finishStage, rejectWhere, STAGE_STATE, StageColumn, stageRows } from '../staging';
import { Indexed, RecordError, RecordErrorCode, SyncContext, SyncHandler } from '../sync.types';

const STAGE = 'sync_post_stage';
const COLUMNS: StageColumn[] = [
  { name: 'idx', type: 'int' },
  { name: 'external_id', type: 'text' },
  { name: 'unit_key', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'approved_holders', type: 'int' },
  { name: 'party_post', type: 'boolean' },
  // Domain lists travel as text joined by commas (codes hold no comma), split once staged.
  { name: 'required', type: 'text' },
  { name: 'preferred', type: 'text' },
  { name: 'established_on', type: 'date' },
];
/** The post columns a record sets, in the order of `VALUES`. */
const FIELDS = `unit_id, title, level, approved_holders, party_post, required_domains, preferred_domains, established_on`;
const STAGED = `s.unit_id, s.title, s.level, s.approved_holders, s.party_post, s.required_domains, s.preferred_domains,
  s.established_on`;
const ACCEPTED = `s.errors = '[]'::jsonb`;

/**
 * Posts by (source, externalId), like rank grants: a source finds and changes only its own (the key includes
 * it, and post_source_guard_trg refuses the rest). A post with holders keeps its unit (postings name a post of
 * their own unit); titles are unique in a unit. The number may be below the holders: kept, and flagged by
 * Post.staffing.
 */
@Injectable()
export class PostsSync implements SyncHandler<PostRecordInput> {
  readonly kind = 'POSTS' as const;
  readonly recordClass = PostRecordInput;
  readonly keyField = 'externalId';

  key(r: PostRecordInput): string {
    return r.externalId;
  }

  check(r: PostRecordInput): RecordError[] {
    const required = r.requiredDomains ?? [];
    return violatedConstraints([
      [(r.preferredDomains ?? []).some((d) => required.includes(d)), 'post_domains_check'],
      [
        !!r.establishedOn && (r.establishedOn < '1940-01-01' || r.establishedOn > '2100-01-01'),
        'post_established_on_check',
      ],
    ]);
  }

  async classify(ctx: SyncContext, records: Indexed<PostRecordInput>[]) {
    const { qr } = ctx;
    await createStage(qr, STAGE, COLUMNS, [
      'unit_id uuid',
      'post_id uuid',
      'old_unit_id uuid',
      `required_domains varchar(64)[]`,
      `preferred_domains varchar(64)[]`,
      ...STAGE_STATE,
    ]);
    await stageRows(
      qr,
      STAGE,
      COLUMNS,
      records.map(({ index, record: r }) => [
        index,
        r.externalId,
        r.unitCode,
        r.title.trim(),
        r.level,
        r.approvedHolders,
        r.partyPost ?? false,
        (r.requiredDomains ?? []).join(','),
        (r.preferredDomains ?? []).join(','),
        r.establishedOn ?? null,
      ]),
    );
    await qr.query(`ANALYZE ${STAGE}`);
    await qr.query(`UPDATE ${STAGE} s SET
        required_domains = coalesce(string_to_array(nullif(s.required, ''), ','), '{}'),
        preferred_domains = coalesce(string_to_array(nullif(s.preferred, ''), ','), '{}')`);
    await qr.query(`UPDATE ${STAGE} s SET unit_id = u.id FROM unit u WHERE u.code = s.unit_key`);
    await qr.query(
      `UPDATE ${STAGE} s SET post_id = p.id, old_unit_id = p.unit_id,
         outcome = CASE WHEN (p.${FIELDS.split(', ').join(', p.')}) IS NOT DISTINCT FROM (${STAGED})
                   THEN 'UNCHANGED' ELSE 'UPDATED' END
         FROM post p WHERE p.source = $1 AND p.external_id = s.external_id`,
      [ctx.source],
    );
    await this.reject(ctx);
    return { results: await finishStage(qr, STAGE, 'external_id'), ended: [] };
  }

  private async reject(ctx: SyncContext): Promise<void> {
    const { qr } = ctx;
    await rejectWhere(qr, STAGE, 's.unit_id IS NULL', {
      field: 'unitCode',
      code: RecordErrorCode.UNKNOWN_UNIT,
      messageSql: `'No unit has code ' || s.unit_key || '.'`,
      text: { key: 'sync.unknownUnit', paramsSql: `jsonb_build_object('key', s.unit_key)` },
    });
    await rejectWhere(
      qr,
      STAGE,
      `NOT EXISTS (SELECT 1 FROM position_level l WHERE l.code = s.level AND l.ladder = 'LEADERSHIP')`,
      {
        field: 'level',
        code: RecordErrorCode.UNKNOWN_LEVEL,
        messageSql: `'Level ' || s.level || ' is not a code on the LEADERSHIP ladder.'`,
        text: { key: 'sync.notLeadershipLevel', paramsSql: `jsonb_build_object('level', s.level)` },
      },
    );
    await rejectWhere(
      qr,
      STAGE,
      `EXISTS (SELECT 1 FROM unnest(s.required_domains || s.preferred_domains) d(code)
                WHERE NOT EXISTS (SELECT 1 FROM specialty_domain x WHERE x.code = d.code))`,
      {
        field: 'requiredDomains',
        code: RecordErrorCode.INVALID,
        messageSql: `'A domain of post ' || s.external_id || ' is not in the taxonomy.'`,
      },
    );
    await rejectWhere(
      qr,
      STAGE,
      `${ACCEPTED} AND s.outcome = 'UPDATED' AND s.old_unit_id <> s.unit_id
         AND EXISTS (SELECT 1 FROM posting ps WHERE ps.post_id = s.post_id)`,
      {
        field: 'unitCode',
        code: RecordErrorCode.POST_HAS_POSTINGS,
        messageSql: `'Post ' || s.external_id || ' has postings in its unit; it cannot move to ' || s.unit_key ||
          '. Create a new post there.'`,
      },
    );
    // Titles are unique in a unit: against the stored posts this batch does not change, and within the batch.
    await rejectWhere(
      qr,
      STAGE,
      `${ACCEPTED} AND s.outcome IS DISTINCT FROM 'UNCHANGED' AND EXISTS (
         SELECT 1 FROM post p WHERE p.unit_id = s.unit_id AND p.title = s.title AND p.id IS DISTINCT FROM s.post_id
            AND NOT EXISTS (SELECT 1 FROM ${STAGE} o WHERE o.post_id = p.id AND o.errors = '[]'::jsonb))`,
      {
        field: 'title',
        code: RecordErrorCode.TITLE_TAKEN,
        messageSql: `'Unit ' || s.unit_key || ' already has a post titled ' || s.title || '.'`,
      },
    );
    await rejectWhere(
      qr,
      STAGE,
      `${ACCEPTED} AND EXISTS (SELECT 1 FROM ${STAGE} o WHERE o.unit_id = s.unit_id AND o.title = s.title
                                  AND o.idx <> s.idx AND o.errors = '[]'::jsonb)`,
      {
        field: 'title',
        code: RecordErrorCode.TITLE_TAKEN,
        messageSql: `'Another record in this batch gives unit ' || s.unit_key || ' a post titled ' || s.title || '.'`,
      },
    );
  }

  async apply(ctx: SyncContext): Promise<void> {
    const { qr } = ctx;
    await qr.query(`
      UPDATE post p SET (${FIELDS}) = (${STAGED}), updated_at = now()
        FROM ${STAGE} s WHERE s.outcome = 'UPDATED' AND p.id = s.post_id`);
    await qr.query(
      `INSERT INTO post (${FIELDS}, source, external_id)
       SELECT ${STAGED}, $1, s.external_id FROM ${STAGE} s WHERE s.outcome = 'CREATED'`,
      [ctx.source],
    );
  }
}
