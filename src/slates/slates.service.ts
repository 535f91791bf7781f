import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate } from '../common/graphql/date.scalar';
import { moveToPosting } from '../postings/move-posting';
import { PostsService } from '../posts/posts.service';
import { RecordSlateDecisionInput, SaveSlateInput } from './dto/slate.args';
import { assertNoAvoidanceBreach } from './avoidance-guard';
import { SlateBuilder } from './slate-builder.service';
import { SavedSlate, SlateDecision, SlateDecisionKind } from './slate.model';
import {
  DECISION_COLUMNS,
  SLATE_COLUMNS,
  SlateDecisionRow,
  SlateMemberRow,
  SlateRow,
  snapshotOf,
  toDecision,
  toSavedSlate,
} from './slate.rows';

/** Saved slates and their decisions; an APPOINTED decision moves the cadre into the post in one transaction. */
@Injectable()
export class SlatesService {
  private readonly loaders = new WeakMap<object, DataLoader<string, SavedSlate[]>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly posts: PostsService,
    private readonly builder: SlateBuilder,
  ) {}

  /** Works out the slate (SlateBuilder) and keeps it with every candidate's snapshot. */
  async save(caller: Caller, input: SaveSlateInput): Promise<SavedSlate> {
    const slate = await this.builder.build(caller, input);
    const idem = {
      key: input.idempotencyKey,
      operation: 'saveSlate',
      input,
      reload: async (em: EntityManager, id: string) => (await this.loadMany(caller, { ids: [id] }, em))[0],
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.posts.get(caller, slate.post.id, em);
      const [row]: SlateRow[] = await em.query(
        `INSERT INTO slate (post_id, name, as_of, policy_version, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SLATE_COLUMNS}`,
        [slate.post.id, input.name.trim(), slate.asOf, slate.policyVersion, input.note ?? null, caller.sub],
      );
      const c = slate.candidates;
      await em.query(
        `INSERT INTO slate_member (slate_id, cadre_id, position, snapshot)
         SELECT $1, m.cadre_id, m.position, m.snapshot
           FROM unnest($2::uuid[], $3::int[], $4::jsonb[]) AS m(cadre_id, position, snapshot)`,
        [
          row.id,
          c.map((x) => x.cadreId),
          c.map((x) => x.position),
          c.map((x) => JSON.stringify(snapshotOf(x, slate.asOf, slate.policyVersion))),
        ],
      );
      const [saved] = await this.loadMany(caller, { ids: [row.id] }, em);
      return saved;
    });
  }

  async get(caller: Caller, id: string): Promise<SavedSlate> {
    const [slate] = await this.loadMany(caller, { ids: [id] });
    if (!slate) throw DomainError.notFound('Slate', id);
    await this.posts.get(caller, slate.postId);
    return slate;
  }

  async decide(caller: Caller, input: RecordSlateDecisionInput): Promise<SlateDecision> {
    if (!isIsoDate(input.effectiveDate)) {
      throw DomainError.badInput(
        'input.effectiveDate',
        errorText('input.dateFormat', { field: 'effectiveDate' }),
      );
    }
    const idem = {
      key: input.idempotencyKey,
      operation: 'recordSlateDecision',
      input,
      reload: async (em: EntityManager, id: string) => {
        const [row]: SlateDecisionRow[] = await em.query(
          `SELECT ${DECISION_COLUMNS} FROM slate_decision WHERE id = $1`,
          [id],
        );
        return row ? toDecision(row) : undefined;
      },
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      const [slate]: SlateRow[] = await em.query(`SELECT ${SLATE_COLUMNS} FROM slate WHERE id = $1`, [
        input.slateId,
      ]);
      if (!slate) throw DomainError.notFound('Slate', input.slateId, 'input.slateId');
      const post = await this.posts.get(caller, slate.post_id, em);
      await this.access.assertCanWriteCadre(caller, input.cadreId, em);
      const [member]: unknown[] = await em.query(
        `SELECT 1 FROM slate_member WHERE slate_id = $1 AND cadre_id = $2 FOR UPDATE`,
        [slate.id, input.cadreId],
      );
      if (!member) throw DomainError.notFound('Slate member', input.cadreId, 'input.cadreId');
      let moved: { postingId: string | null; endedPostingId: string | null } = {
        postingId: null,
        endedPostingId: null,
      };
      if (input.decision === SlateDecisionKind.APPOINTED) {
        await this.access.assertCanPostCadre(caller, input.cadreId, post.unitId, em);
        await assertNoAvoidanceBreach(em, {
          cadreId: input.cadreId,
          unitId: post.unitId,
          title: post.title,
          level: post.level,
          asOf: input.effectiveDate,
        });
        // As a talent pool's PROMOTED decision: the old regular posting ends the day before.
        moved = await moveToPosting(em, {
          cadreId: input.cadreId,
          effectiveDate: input.effectiveDate,
          unitId: post.unitId,
          title: post.title,
          level: post.level,
          postId: post.id,
        });
      }
      const [row]: SlateDecisionRow[] = await em.query(
        `INSERT INTO slate_decision (slate_id, cadre_id, decision, note, effective_date, posting_id,
                                     ended_posting_id, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${DECISION_COLUMNS}`,
        [
          slate.id,
          input.cadreId,
          input.decision,
          input.note ?? null,
          input.effectiveDate,
          moved.postingId,
          moved.endedPostingId,
          caller.sub,
        ],
      );
      return toDecision(row);
    });
  }

  /**
   * Saved slates (of these ids, or of these posts, newest first) with their members and decisions, in three
   * statements for any number of slates; members the caller may not read are hidden (AccessService.canReadCadres).
   */
  async loadMany(
    caller: Caller,
    where: { ids?: readonly string[]; postIds?: readonly string[] },
    em: EntityManager = this.ds.manager,
  ): Promise<SavedSlate[]> {
    const rows: SlateRow[] = await em.query(
      `SELECT ${SLATE_COLUMNS} FROM slate
        WHERE id = ANY($1::uuid[]) OR post_id = ANY($2::uuid[]) ORDER BY created_at DESC, id DESC`,
      [where.ids ?? [], where.postIds ?? []],
    );
    const ids = rows.map((r) => r.id);
    const members: SlateMemberRow[] = ids.length
      ? await em.query(
          `SELECT slate_id, cadre_id, position, snapshot FROM slate_member
            WHERE slate_id = ANY($1::uuid[]) ORDER BY slate_id, position`,
          [ids],
        )
      : [];
    const decisions: SlateDecisionRow[] = ids.length
      ? await em.query(
          `SELECT ${DECISION_COLUMNS} FROM slate_decision WHERE slate_id = ANY($1::uuid[]) ORDER BY decided_at, id`,
          [ids],
        )
      : [];
    const readable = await this.access.canReadCadres(
      caller,
      [...new Set(members.map((m) => m.cadre_id))],
      em,
    );
    return rows.map((r) => toSavedSlate(r, members, decisions, readable));
  }

  /** The saved slates of a post, batched per request (`request`, the GraphQL context). */
  ofPost(request: object, caller: Caller, postId: string): Promise<SavedSlate[]> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader<string, SavedSlate[]>(async (postIds) => {
        const slates = await this.loadMany(caller, { postIds });
        return postIds.map((id) => slates.filter((s) => s.postId === id));
      });
      this.loaders.set(request, loader);
    }
    return loader.load(postId);
  }
}
