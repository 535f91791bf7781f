import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { PolicyService } from '../policy/policy.service';
import { Candidate, Readiness } from './candidate.model';
import { SpecialistsArgs } from './dto/specialists.args';
import { TrainingCandidatesArgs } from './dto/training-candidates.args';
import {
  CandidatePage,
  DEFAULT_WITHIN_MONTHS,
  pageRequest,
  RankingService,
  RankRequest,
} from './ranking.service';
import { promotionList } from './sql/promotion.sql';
import { specialistList } from './sql/specialists.sql';
import { SqlParams } from '../common/sql/sql-params';
import { StepRow, stepTo } from '../rules/steps';
import { promoExceptionalOf } from '../rules/promo-exceptional.rule';
import { partyUnitKindsFor } from '../rules/promo-party-age.rule';
import { PolicyInForce } from '../policy/policy.service';
import { PromotionCandidatesArgs, PromotionCandidatesInput } from './dto/promotion-candidates.args';
import { trainingList } from './sql/training.sql';
import { PathwaySpanCoverage } from '../rules/spans/pathway-spans.sql';

/** One statement of a promotion list: read from the spans or evaluated on the fly, over some unit kinds. */
interface Part {
  fromSpans: boolean;
  unitKinds?: { kinds: string[]; except: boolean };
}

/** An exceptional (破格) list needs a leadership target, the post's domain, and PROMO_EXCEPTIONAL in force. */
function checkExceptional(input: PromotionCandidatesInput, step: StepRow, policy: PolicyInForce): void {
  if (!input.domain) {
    throw DomainError.badInput('input.domain', errorText('candidates.exceptionalDomain'));
  }
  if (step.ladder !== 'LEADERSHIP') {
    throw DomainError.badInput(
      'input.exceptional',
      errorText('candidates.exceptionalRank', { level: step.to_level }),
    );
  }
  if (!promoExceptionalOf(policy.document)) {
    throw DomainError.badInput(
      'input.exceptional',
      errorText('candidates.noExceptionalRule', { version: policy.version }),
    );
  }
}

/** The three candidate lists; each is one ranking statement per page, within the caller's jurisdiction. */
@Injectable()
export class CandidatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly policies: PolicyService,
    private readonly ranking: RankingService,
  ) {}

  /** `cadreIds`: only these of the list's cadres (a slate's exceptional list: the post's domain's specialists). */
  async promotionCandidates(
    caller: Caller,
    args: PromotionCandidatesArgs,
    cadreIds?: readonly string[],
  ): Promise<CandidatePage> {
    const input = args.input;
    const page = pageRequest(args, input.asOf);
    const root = await this.rootPath(caller, input.unitId);
    if (input.domain) await this.checkDomain(input.domain, 'input.domain');
    const policy = await this.policies.forDate(page.asOf);
    const step = stepTo(policy.document, input.targetLevel);
    if (!step) {
      throw DomainError.badInput(
        'input.targetLevel',
        errorText('candidates.noPromotionTo', { level: input.targetLevel, version: policy.version }),
      );
    }
    if (input.exceptional) checkExceptional(input, step, policy);
    const readiness = input.includeNearlyEligible
      ? [Readiness.READY_NOW, Readiness.READY_SOON]
      : [Readiness.READY_NOW];
    const partyPost = typeof input.partyPost === 'boolean' ? input.partyPost : undefined;
    const withinMonths = input.withinMonths ?? DEFAULT_WITHIN_MONTHS;
    // Leadership steps read readiness from the PATHWAY spans; rank steps and exceptional lists are evaluated on
    // the fly, as is a policy version published since the spans were installed (covered from the next boot).
    const spans =
      step.ladder === 'LEADERSHIP' &&
      !(input.exceptional && input.domain) &&
      (await this.spans.covers(policy.version));
    // The spans judge PROMO_PARTY_AGE by the kind of each cadre's unit. A list's word on a Party post agrees with
    // them for the cadres posted in units of the Party kinds (yes) or of the others (no): those are read from the
    // spans, the rest evaluated on the fly under the list's word. A level that needs no Party age: no difference.
    const kinds =
      spans && partyPost !== undefined ? partyUnitKindsFor(policy.document, step.to_level) : undefined;
    const parts: Part[] = !spans
      ? [{ fromSpans: false }]
      : kinds && partyPost !== undefined
        ? [
            { fromSpans: true, unitKinds: { kinds, except: !partyPost } },
            { fromSpans: false, unitKinds: { kinds, except: partyPost } },
          ]
        : [{ fromSpans: true }];
    const requests = parts.map((part): RankRequest => {
      const p = new SqlParams();
      const asOf = p.add(page.asOf, 'date');
      const rootParam = root ? p.add(root, 'ltree') : undefined;
      const domain = input.domain ? p.add(input.domain, 'text') : undefined;
      const exceptional = input.exceptional && domain ? { domain } : undefined;
      const spec = promotionList(
        {
          asOf,
          policy: policy.document,
          step,
          rootPath: root,
          cadreIds,
          domain,
          readiness,
          exceptional,
          partyPost: !part.fromSpans && partyPost !== undefined ? p.add(partyPost, 'boolean') : undefined,
          unitKinds: part.unitKinds && {
            kinds: p.add(part.unitKinds.kinds, 'text[]'),
            except: part.unitKinds.except,
          },
          spansWithin: part.fromSpans ? withinMonths : undefined,
        },
        p,
      );
      return {
        kind: 'PROMOTION',
        page,
        policy,
        p,
        asOf,
        root: rootParam,
        domain,
        withinMonths,
        spec,
        exceptionalDomain: exceptional ? input.domain : undefined,
        partyPost: input.partyPost,
      };
    });
    return requests.length > 1
      ? this.ranking.rankParts(requests[0], requests)
      : this.ranking.rank(requests[0]);
  }

  async trainingCandidates(caller: Caller, args: TrainingCandidatesArgs): Promise<CandidatePage> {
    const input = args.input ?? {};
    const page = pageRequest(args, input.asOf);
    const root = await this.rootPath(caller, input.unitId);
    const policy = await this.policies.forDate(page.asOf);
    const p = new SqlParams();
    const asOf = p.add(page.asOf, 'date');
    const rootParam = root ? p.add(root, 'ltree') : undefined;
    const longServiceYears =
      input.longServiceYears ?? policy.document.rules.POST_LIMIT_SAME_POST.params.years;
    const spec = trainingList(
      { asOf, policy: policy.document, rootPath: root, kind: input.kind, longServiceYears },
      p,
    );
    const withinMonths = DEFAULT_WITHIN_MONTHS;
    return this.ranking.rank({
      kind: 'TRAINING',
      page,
      policy,
      p,
      asOf,
      root: rootParam,
      withinMonths,
      spec,
    });
  }

  async specialists(caller: Caller, args: SpecialistsArgs): Promise<CandidatePage> {
    const page = pageRequest(args, args.asOf);
    const root = await this.rootPath(caller, args.unitId);
    await this.checkDomain(args.domain, 'domain');
    const policy = await this.policies.forDate(page.asOf);
    const p = new SqlParams();
    const asOf = p.add(page.asOf, 'date');
    const rootParam = root ? p.add(root, 'ltree') : undefined;
    const domain = p.add(args.domain, 'text');
    const spec = specialistList({ asOf, policy: policy.document, domain, rootPath: root }, p);
    const withinMonths = args.withinMonths ?? DEFAULT_WITHIN_MONTHS;
    return this.ranking.rank({
      kind: 'SPECIALIST',
      page,
      policy,
      p,
      asOf,
      root: rootParam,
      domain,
      withinMonths,
      spec,
    });
  }

  /**
   * These cadres as promotion candidates for targetLevel on asOf, whatever their readiness, in one ranking
   * statement (talent pool snapshots and live status). A cadre not one step below the level is left out.
   */
  async forCadres(
    cadreIds: readonly string[],
    o: { targetLevel: string; asOf: string; domain?: string | null },
  ): Promise<{ policyVersion: number; candidates: Map<string, Candidate> }> {
    const policy = await this.policies.forDate(o.asOf);
    const step = stepTo(policy.document, o.targetLevel);
    if (!step || cadreIds.length === 0) return { policyVersion: policy.version, candidates: new Map() };
    const p = new SqlParams();
    const asOf = p.add(o.asOf, 'date');
    const domain = o.domain ? p.add(o.domain, 'text') : undefined;
    const spec = promotionList({ asOf, policy: policy.document, step, cadreIds, domain }, p);
    const page = { asOf: o.asOf, first: cadreIds.length };
    const withinMonths = DEFAULT_WITHIN_MONTHS;
    const result = await this.ranking.rank({
      kind: 'PROMOTION',
      page,
      policy,
      p,
      asOf,
      domain,
      withinMonths,
      spec,
    });
    return {
      policyVersion: policy.version,
      candidates: new Map(result.edges.map((e) => [e.node.cadreId, e.node])),
    };
  }

  /** Policy versions the installed PATHWAY spans cover. */
  private readonly spans = new PathwaySpanCoverage((sql) => this.ds.query(sql));

  /** The list's root unit: FORBIDDEN outside a department's jurisdiction, NOT_FOUND for an unknown unit. */
  async root(caller: Caller, unitId?: string): Promise<string | undefined> {
    const root = await this.access.jurisdictionRoot(caller, unitId);
    if (root && caller.role === Role.ADMIN) {
      const [u]: unknown[] = await this.ds.query(`SELECT 1 FROM unit WHERE id = $1`, [root]);
      if (!u) throw DomainError.notFound('Unit', root, 'unitId');
    }
    return root;
  }

  /**
   * The path of the list's root unit, bound as a constant: the planner then sees how much of the tree a list
   * covers (a county or the province), and picks joins that suit a few hundred cadres or tens of thousands.
   */
  private async rootPath(caller: Caller, unitId?: string): Promise<string | undefined> {
    const root = await this.root(caller, unitId);
    if (!root) return undefined;
    const [u]: { path: string }[] = await this.ds.query(`SELECT path::text AS path FROM unit WHERE id = $1`, [
      root,
    ]);
    if (!u) throw DomainError.notFound('Unit', root, 'unitId');
    return u.path;
  }

  async checkDomain(domain: string, field: string): Promise<void> {
    const [d]: unknown[] = await this.ds.query(`SELECT 1 FROM specialty_domain WHERE code = $1`, [domain]);
    if (!d) throw DomainError.badInput(field, errorText('input.unknownDomain', { domain }));
  }
}
