import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { AnswerCache } from '../database/answer-cache';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { ConnectionShape, PageArgs } from '../common/graphql/pagination';
import { SqlParams } from '../common/sql/sql-params';
import { FlaggedCadre } from '../flags/flagged-cadre.model';
import { FlagsService } from '../flags/flags.service';
import { FlagCode } from '../rules/codes';
import { addYears } from '../rules/dates';
import { FlagMatch } from '../rules/flags.sql';
import { StuckTalentArgs } from './dto/stuck-talent.args';
import { StuckTalentReport, StuckTalentUnit } from './stuck-talent.model';
import { stuckByUnitSql } from './stuck-talent.sql';

/** Kept too long: past a posting limit and ready for promotion on the same date. */
export const STUCK: FlagMatch = {
  allOf: [FlagCode.POSTING_LIMIT_EXCEEDED, FlagCode.PROMOTION_ELIGIBLE],
  anyOf: [],
};

interface Row {
  unit_id: string | null;
  own: boolean;
  n0: number;
  n1: number;
  n2: number;
}

@Injectable()
export class StuckTalentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly flags: FlagsService,
    private readonly answers: AnswerCache,
  ) {}

  /**
   * The cadres matching STUCK on asOf and one and two years earlier (FlagsService.matchingCadres: one
   * set-based statement per date), counted per unit in one statement.
   */
  async report(caller: Caller, args: StuckTalentArgs): Promise<StuckTalentReport> {
    const asOf = args.asOf ?? today();
    if (args.unitId) {
      const [u]: unknown[] = await this.ds.query(`SELECT 1 FROM unit WHERE id = $1`, [args.unitId]);
      if (!u) throw DomainError.notFound('Unit', args.unitId, 'unitId');
    }
    const root = await this.access.jurisdictionRoot(caller, args.unitId);
    return this.answers.get('stuckTalent', { root, asOf }, () => this.compute(root, asOf));
  }

  private async compute(root: string | undefined, asOf: string): Promise<StuckTalentReport> {
    const dates = [asOf, addYears(asOf, -1), addYears(asOf, -2)];
    const sets = await this.flags.matchingCadres(dates, root, STUCK);
    const p = new SqlParams();
    const rows: Row[] = await this.ds.query(stuckByUnitSql(p, root, dates, sets), p.values);
    const counts = (r: Row) => ({ count: r.n0, countOneYearEarlier: r.n1, countTwoYearsEarlier: r.n2 });
    const total = rows.find((r) => r.unit_id === null);
    return {
      unitId: root ?? null,
      dates,
      total: total ? counts(total) : { count: 0, countOneYearEarlier: 0, countTwoYearsEarlier: 0 },
      units: rows.flatMap((r) =>
        r.unit_id === null
          ? []
          : [Object.assign(new StuckTalentUnit(), { unitId: r.unit_id, own: r.own, asOf, ...counts(r) })],
      ),
    };
  }

  /** A row's cadres on the report's date, a page at a time, each with the two flags and their reasons. */
  cadres(row: StuckTalentUnit, page: PageArgs): Promise<ConnectionShape<FlaggedCadre>> {
    return this.flags.flaggedInUnit(row.unitId, row.own, row.asOf, STUCK, page);
  }
}
