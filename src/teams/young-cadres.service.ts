import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { decodeCursor, toConnection } from '../common/graphql/pagination';
import { SqlParams } from '../common/sql/sql-params';
import { PolicyService } from '../policy/policy.service';
import { YoungCadresArgs } from './dto/team-structure.args';
import { YoungCadre, YoungCadreConnection } from './team-structure.model';
import { youngCadresSql } from './team-structure.sql';
import { teamParams } from './team-structure.service';

const DEFAULT_PAGE = 20;

interface Row {
  total: number;
  cadre_id: string | null;
  unit_id: string;
  level: string;
  title: string;
  birth_date: string;
  age: number;
}

/** youngCadres: the reserve at one level, by TEAM_STRUCTURE's young age for it, in one statement. */
@Injectable()
export class YoungCadresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly policies: PolicyService,
  ) {}

  async list(caller: Caller, args: YoungCadresArgs): Promise<YoungCadreConnection> {
    const asOf = args.asOf ?? today();
    if (args.unitId) {
      const [u]: unknown[] = await this.ds.query(`SELECT 1 FROM unit WHERE id = $1`, [args.unitId]);
      if (!u) throw DomainError.notFound('Unit', args.unitId, 'unitId');
    }
    const root = await this.access.jurisdictionRoot(caller, args.unitId);
    const policy = await this.policies.forDate(asOf);
    const maxAge = teamParams(policy).youngMaxAgeByLevel[args.level];
    if (maxAge === undefined) {
      throw DomainError.badInput(
        'level',
        errorText('team.noYoungAge', { level: args.level, version: policy.version }),
      );
    }
    const first = args.first ?? DEFAULT_PAGE;
    const p = new SqlParams();
    const sql = youngCadresSql(p, p.add(asOf, 'date'), root ? { unitId: root } : {}, args.level, maxAge, {
      first,
      after: decodeCursor(args.after, 2),
    });
    const rows: Row[] = await this.ds.query(sql, p.values);
    const page = rows.filter((r): r is Row & { cadre_id: string } => r.cadre_id !== null);
    const conn = toConnection(
      page,
      first,
      rows[0]?.total ?? 0,
      (r) => [r.birth_date, r.cadre_id],
      (r) =>
        Object.assign(new YoungCadre(), {
          cadreId: r.cadre_id,
          unitId: r.unit_id,
          level: r.level,
          title: r.title,
          birthDate: r.birth_date,
          age: r.age,
          asOf,
        }),
      args.after,
    );
    return Object.assign(new YoungCadreConnection(), conn, { maxAge, policyVersion: policy.version });
  }
}
