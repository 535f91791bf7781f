import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { SqlParams } from '../common/sql/sql-params';
import { AnswerCache } from '../database/answer-cache';
import { toPost } from './post.rows';
import { VacanciesArgs } from './dto/vacancies.args';
import { Vacancy, VacancyKind } from './post.model';
import { vacanciesSql, VacancyRow } from './sql/vacancies.sql';

const DEFAULT_PAGE = 20;

/** Vacancies on a date in the caller's jurisdiction: one set-based statement per page. */
@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly answers: AnswerCache,
  ) {}

  async list(caller: Caller, args: VacanciesArgs): Promise<ConnectionShape<Vacancy> & { asOf: string }> {
    const first = args.first ?? DEFAULT_PAGE;
    const key = decodeCursor(args.after, 3);
    const asOf = (key?.[0] as string | undefined) ?? args.asOf ?? today();
    if (!isIsoDate(asOf)) throw DomainError.badInput('after', errorText('input.cursor'));
    if (key && args.asOf && args.asOf !== asOf) {
      throw DomainError.badInput(
        'after',
        errorText('input.cursorAsOf', { cursorAsOf: asOf, asOf: args.asOf }),
      );
    }
    const rootPath = await this.rootPath(caller, args.unitId);
    const p = new SqlParams();
    const sql = vacanciesSql({
      asOf: p.add(asOf, 'date'),
      rootPath: rootPath === undefined ? undefined : p.add(rootPath, 'ltree'),
      after: key ? { since: p.add(key[1], 'text'), slotId: p.add(key[2], 'uuid') } : undefined,
      limit: p.add(first + 1, 'int'),
    });
    const rows = await this.answers.rows<VacancyRow>(sql, p.values);
    const total = rows[0]?.total ?? 0;
    return {
      ...toConnection(
        rows,
        first,
        total,
        (r) => [asOf, r.sort_since, r.slot_id],
        (r) => toVacancy(r),
        key,
      ),
      asOf,
    };
  }

  /** The path of the list's root: FORBIDDEN outside a department's jurisdiction, NOT_FOUND for an unknown unit. */
  private async rootPath(caller: Caller, unitId?: string): Promise<string | undefined> {
    const root = await this.access.jurisdictionRoot(caller, unitId);
    if (!root) return undefined;
    const [u]: { path: string }[] = await this.ds.query(`SELECT path::text AS path FROM unit WHERE id = $1`, [
      root,
    ]);
    if (!u) {
      throw caller.role === Role.ADMIN
        ? DomainError.notFound('Unit', root, 'unitId')
        : DomainError.forbidden();
    }
    return u.path;
  }
}

function toVacancy(r: VacancyRow): Vacancy {
  return Object.assign(new Vacancy(), {
    kind: r.kind as VacancyKind,
    postId: r.post_id,
    post: r.post ? toPost(r.post) : null,
    quotaId: r.quota_id,
    unitId: r.unit_id,
    level: r.level,
    title: r.title,
    requiredDomains: r.required_domains,
    approved: r.approved,
    holders: r.holders,
    vacant: r.approved - r.holders,
    mustRotate: r.must_rotate,
    vacantSince: r.vacant_since,
    daysVacant: r.days_vacant,
  });
}
