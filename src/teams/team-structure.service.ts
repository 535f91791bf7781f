import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { SqlParams } from '../common/sql/sql-params';
import { PolicyInForce, PolicyService } from '../policy/policy.service';
import { levelOrder } from '../rules/steps';
import { AnswerCache } from '../database/answer-cache';
import { TeamStructuresArgs, TeamStructureArgs } from './dto/team-structure.args';
import { TeamStructure, TeamSummary, TeamTarget } from './team-structure.model';
import {
  TEAM_TARGETS,
  TeamParams,
  teamStructureSql,
  teamStructuresSql,
  TeamTargetCode,
} from './team-structure.sql';

const DEFAULT_PAGE = 20;

/** A judged row of teamCtes, as SQL returns it. */
interface Judged {
  unit_id: string;
  holders: number;
  women: number;
  young: number;
  grassroots: number;
  average_age: number | null;
  missed: TeamTargetCode[];
}

/** The team-structure targets of the policy in force, or a clear error when its version has none. */
export function teamParams(policy: PolicyInForce): TeamParams {
  const rule = policy.document.rules.TEAM_STRUCTURE as { params: TeamParams } | undefined;
  if (!rule) {
    throw DomainError.badInput('asOf', errorText('team.noTargets', { version: policy.version }));
  }
  return rule.params;
}

/** What each target requires and what the team has; `met` is SQL's word (judged.missed). */
function targets(j: Judged, t: TeamParams): TeamTarget[] {
  const actual: Record<TeamTargetCode, [number, number]> = {
    WOMEN: [t.minWomen, j.women],
    YOUNG: [t.minYoung, j.young],
    GRASSROOTS_SHARE: [t.minGrassrootsShare, j.holders ? j.grassroots / j.holders : 0],
  };
  return TEAM_TARGETS.map((code) => ({
    code,
    required: actual[code][0],
    actual: actual[code][1],
    met: !j.missed.includes(code),
  }));
}

function summary(j: Judged, asOf: string, policyVersion: number, t: TeamParams): TeamSummary {
  return Object.assign(new TeamSummary(), {
    unitId: j.unit_id,
    asOf,
    policyVersion,
    holders: j.holders,
    women: j.women,
    young: j.young,
    grassroots: j.grassroots,
    averageAge: j.average_age,
    missed: j.missed,
    targets: targets(j, t),
  });
}

/** teamStructure and teamStructures: one statement each, scoped to the caller's jurisdiction. */
@Injectable()
export class TeamStructureService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly policies: PolicyService,
    private readonly answers: AnswerCache,
  ) {}

  async structure(caller: Caller, args: TeamStructureArgs): Promise<TeamStructure> {
    const asOf = args.asOf ?? today();
    await this.assertUnit(args.unitId);
    await this.access.assertUnitInJurisdiction(caller, args.unitId);
    const policy = await this.policies.forDate(asOf);
    const t = teamParams(policy);
    const p = new SqlParams();
    const sql = teamStructureSql(p, p.add(asOf, 'date'), args.unitId, t, levelOrder(policy.document));
    const [row]: Record<string, unknown>[] = await this.ds.query(sql, p.values);
    // A unit without members on the date is not judged: nothing is missed, nothing is met.
    const judged = (row.judged as Judged | null) ?? {
      unit_id: args.unitId,
      holders: 0,
      women: 0,
      young: 0,
      grassroots: 0,
      average_age: null,
      missed: [],
    };
    return Object.assign(new TeamStructure(), summary(judged, asOf, policy.version, t), {
      members: row.members,
      posts: row.posts,
      genders: row.genders,
      ethnicities: row.ethnicities,
      educationLevels: row.education_levels,
      fields: row.fields,
      ageBands: row.age_bands,
    });
  }

  /** Every team under the root (default the caller's jurisdiction), a page at a time, by unit code. */
  async structures(caller: Caller, args: TeamStructuresArgs): Promise<ConnectionShape<TeamSummary>> {
    const rows = await this.judgedRows(caller, args, args.first ?? DEFAULT_PAGE);
    return toConnection(
      rows.rows,
      args.first ?? DEFAULT_PAGE,
      rows.total,
      (r) => [r.code, r.unit_id],
      (r) => summary(r, rows.asOf, rows.version, rows.params),
      decodeCursor(args.after, 2),
    );
  }

  /** The judged rows of a page (or of an export, with a larger `first`). */
  async judgedRows(caller: Caller, args: TeamStructuresArgs, first: number) {
    const asOf = args.asOf ?? today();
    const requested = args.unitId ? await this.unitPath(args.unitId) : undefined;
    const root = await this.access.jurisdictionRoot(caller, args.unitId);
    const rootPath =
      root === undefined ? undefined : root === args.unitId ? requested : await this.unitPath(root);
    const policy = await this.policies.forDate(asOf);
    const t = teamParams(policy);
    const p = new SqlParams();
    const after = decodeCursor(args.after, 2);
    const sql = teamStructuresSql(p, p.add(asOf, 'date'), rootPath === undefined ? {} : { rootPath }, t, {
      first,
      after,
      missingOnly: args.missingOnly,
    });
    const rows = await this.answers.rows<
      Judged & { code: string; name: string; unit_level: string; total: number }
    >(sql, p.values);
    // One row with a total and no unit when the page is empty.
    const page = rows.filter((r) => r.unit_id !== null);
    return { rows: page, total: rows[0]?.total ?? 0, asOf, version: policy.version, params: t };
  }

  private async assertUnit(unitId: string): Promise<void> {
    await this.unitPath(unitId);
  }

  /** The unit's path, bound as a constant so the planner sees how much of the province a list covers. */
  private async unitPath(unitId: string): Promise<string> {
    const [u]: { path: string }[] = await this.ds.query(`SELECT path::text AS path FROM unit WHERE id = $1`, [
      unitId,
    ]);
    if (!u) throw DomainError.notFound('Unit', unitId, 'unitId');
    return u.path;
  }
}
