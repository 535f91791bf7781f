import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { SqlParams } from '../common/sql/sql-params';
import { CreatePostInput, PostFieldsInput, SetPostQuotaInput, UpdatePostInput } from './dto/post.input';
import { Post, PostQuota, Staffing } from './post.model';
import { POST_COLUMNS, PostRow, QuotaRow, toPost, toQuota, toStaffing } from './post.rows';
import { slotsSql } from './sql/slots.sql';

type StaffingLoader = DataLoader<string, Staffing | null>;

/** Posts and quotas of units: ADMIN and the unit's organisation department keep them; every write is audited. */
@Injectable()
export class PostsService {
  private readonly loaders = new WeakMap<object, StaffingLoader>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
  ) {}

  async create(caller: Caller, input: CreatePostInput): Promise<Post> {
    const idem = {
      key: input.idempotencyKey,
      operation: 'createPost',
      input,
      reload: async (em: EntityManager, id: string) => this.find(em, id),
    };
    return this.tx.runIdempotent(caller, idem, async (em) => {
      await this.assertUnit(caller, input.unitId, em);
      await this.checkFields(em, input);
      const [row]: PostRow[] = await em.query(
        `INSERT INTO post AS pt (unit_id, title, level, party_post, required_domains, preferred_domains,
                                 approved_holders, established_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${POST_COLUMNS}`,
        [
          input.unitId,
          input.title.trim(),
          input.level,
          input.partyPost ?? false,
          input.requiredDomains ?? [],
          input.preferredDomains ?? [],
          input.approvedHolders,
          input.establishedOn ?? null,
        ],
      );
      return toPost(row);
    });
  }

  /** Only the fields sent change. The number may go below the holders: Post.staffing then shows overQuota. */
  async update(caller: Caller, input: UpdatePostInput): Promise<Post> {
    return this.tx.run(caller, async (em) => {
      const [current]: PostRow[] = await em.query(
        `SELECT ${POST_COLUMNS} FROM post pt WHERE pt.id = $1 FOR UPDATE`,
        [input.id],
      );
      if (!current) throw DomainError.notFound('Post', input.id);
      await this.access.assertUnitInJurisdiction(caller, current.unit_id, em);
      const next = {
        title: input.title?.trim() ?? current.title,
        level: input.level ?? current.level,
        partyPost: input.partyPost ?? current.party_post,
        requiredDomains: input.requiredDomains ?? current.required_domains,
        preferredDomains: input.preferredDomains ?? current.preferred_domains,
        approvedHolders: input.approvedHolders ?? current.approved_holders,
        establishedOn: input.establishedOn === undefined ? current.established_on : input.establishedOn,
      };
      await this.checkFields(em, next);
      // An UPDATE … RETURNING comes back as [rows, affected].
      const [[row]]: [PostRow[], number] = await em.query(
        `UPDATE post AS pt SET title = $2, level = $3, party_post = $4, required_domains = $5,
                preferred_domains = $6, approved_holders = $7, established_on = $8, updated_at = now()
          WHERE pt.id = $1 RETURNING ${POST_COLUMNS}`,
        [
          input.id,
          next.title,
          next.level,
          next.partyPost,
          next.requiredDomains,
          next.preferredDomains,
          next.approvedHolders,
          next.establishedOn,
        ],
      );
      return toPost(row);
    });
  }

  /** Creates or replaces the quota of a unit for a level; a quota below the holders is kept and flagged. */
  async setQuota(caller: Caller, input: SetPostQuotaInput): Promise<PostQuota> {
    return this.tx.run(caller, async (em) => {
      await this.assertUnit(caller, input.unitId, em);
      await this.checkLevel(em, input.level, 'input.level');
      const [row]: QuotaRow[] = await em.query(
        `INSERT INTO post_quota (unit_id, level, places) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT post_quota_unit_level_key
         DO UPDATE SET places = EXCLUDED.places, updated_at = now()
         RETURNING id, unit_id, level, places`,
        [input.unitId, input.level, input.places],
      );
      return toQuota(row);
    });
  }

  /** A post by id: NOT_FOUND when unknown, FORBIDDEN when its unit is outside the caller's jurisdiction. */
  async get(caller: Caller, id: string, em: EntityManager = this.ds.manager): Promise<Post> {
    const post = await this.find(em, id);
    if (!post) throw DomainError.notFound('Post', id);
    await this.access.assertUnitInJurisdiction(caller, post.unitId, em);
    return post;
  }

  async ofUnit(caller: Caller, unitId: string): Promise<{ posts: Post[]; quotas: PostQuota[] }> {
    await this.assertUnit(caller, unitId);
    const posts: PostRow[] = await this.ds.query(
      `SELECT ${POST_COLUMNS} FROM post pt WHERE pt.unit_id = $1 ORDER BY pt.level, pt.title, pt.id`,
      [unitId],
    );
    const quotas: QuotaRow[] = await this.ds.query(
      `SELECT id, unit_id, level, places FROM post_quota WHERE unit_id = $1 ORDER BY level`,
      [unitId],
    );
    return { posts: posts.map(toPost), quotas: quotas.map(toQuota) };
  }

  /**
   * The staffing of posts or quotas (by id) on a date, batched per request (`request`, the GraphQL context):
   * one slot statement per date for every id asked in that tick. Null for a quota shadowed by itemised posts.
   */
  staffing(request: object, id: string, asOf: string | undefined): Promise<Staffing | null> {
    const date = asOf ?? today();
    if (!isIsoDate(date))
      throw DomainError.badInput('asOf', errorText('input.dateFormat', { field: 'asOf' }));
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader<string, Staffing | null>((keys) => this.loadStaffing(keys));
      this.loaders.set(request, loader);
    }
    return loader.load(`${date}|${id}`);
  }

  private async loadStaffing(keys: readonly string[]): Promise<(Staffing | null)[]> {
    const byDate = new Map<string, string[]>();
    for (const key of keys) {
      const [date, id] = key.split('|');
      byDate.set(date, [...(byDate.get(date) ?? []), id]);
    }
    const found = new Map<string, Staffing>();
    for (const [date, ids] of byDate) {
      const p = new SqlParams();
      const asOf = p.add(date, 'date');
      const idList = p.add(ids, 'uuid[]');
      const sql = `WITH ${slotsSql({
        asOf,
        unitWhere: `u.id IN (SELECT unit_id FROM post WHERE id = ANY(${idList})
                             UNION SELECT unit_id FROM post_quota WHERE id = ANY(${idList}))`,
      })}
      SELECT slot_id, approved, holders FROM slot_staffing WHERE slot_id = ANY(${idList})`;
      const rows: { slot_id: string; approved: number; holders: number }[] = await this.ds.query(
        sql,
        p.values,
      );
      for (const r of rows) found.set(`${date}|${r.slot_id}`, toStaffing(date, r.approved, r.holders));
    }
    return keys.map((k) => found.get(k) ?? null);
  }

  private async find(em: EntityManager, id: string): Promise<Post | undefined> {
    const [row]: PostRow[] = await em.query(`SELECT ${POST_COLUMNS} FROM post pt WHERE pt.id = $1`, [id]);
    return row ? toPost(row) : undefined;
  }

  /** A unit's posts belong to it: ADMIN everywhere (NOT_FOUND for an unknown unit), departments in their subtree. */
  async assertUnit(caller: Caller, unitId: string, em: EntityManager = this.ds.manager): Promise<void> {
    if (caller.role === Role.ADMIN) {
      const [u]: unknown[] = await em.query(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
      if (!u) throw DomainError.notFound('Unit', unitId, 'unitId');
      return;
    }
    await this.access.assertUnitInJurisdiction(caller, unitId, em);
  }

  /** Clear errors for the common mistakes; the table's constraints and trigger still guard. */
  private async checkFields(
    em: EntityManager,
    f: Omit<PostFieldsInput, 'partyPost'> & { level: string },
  ): Promise<void> {
    await this.checkLevel(em, f.level, 'input.level');
    if (f.establishedOn && !isIsoDate(f.establishedOn)) {
      throw DomainError.badInput(
        'input.establishedOn',
        errorText('input.dateFormat', { field: 'establishedOn' }),
      );
    }
    const required = f.requiredDomains ?? [];
    const preferred = f.preferredDomains ?? [];
    const both = required.filter((d) => preferred.includes(d));
    if (both.length) {
      throw DomainError.badInput(
        'input.preferredDomains',
        errorText('post.domainBoth', { domains: both.join(', ') }),
      );
    }
    const all = [...required, ...preferred];
    if (all.length === 0) return;
    const known: { code: string }[] = await em.query(
      `SELECT code FROM specialty_domain WHERE code = ANY($1::text[])`,
      [all],
    );
    const unknown = all.filter((d) => !known.some((k) => k.code === d));
    if (unknown.length) {
      const field = required.includes(unknown[0]) ? 'input.requiredDomains' : 'input.preferredDomains';
      throw DomainError.badInput(field, errorText('input.unknownDomain', { domain: unknown.join(', ') }));
    }
  }

  private async checkLevel(em: EntityManager, level: string, field: string): Promise<void> {
    const [l]: unknown[] = await em.query(
      `SELECT 1 FROM position_level WHERE code = $1 AND ladder = 'LEADERSHIP'`,
      [level],
    );
    if (!l) throw DomainError.badInput(field, errorText('input.notLeadershipLevel', { level }));
  }
}
