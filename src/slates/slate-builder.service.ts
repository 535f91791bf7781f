import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { Candidate, Readiness } from '../candidates/candidate.model';
import { CandidatesService } from '../candidates/candidates.service';
import { AnswerCache } from '../database/answer-cache';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { MAX_PAGE_SIZE } from '../common/graphql/pagination';
import { PolicyService } from '../policy/policy.service';
import { Post } from '../posts/post.model';
import { PostsService } from '../posts/posts.service';
import { FlagCode } from '../rules/codes';
import { promoExceptionalOf } from '../rules/promo-exceptional.rule';
import { checkAvoidanceMany } from '../teams/avoidance.sql';
import { Slate, SlateBlockerCode, SlateCandidate, SlateReasonCode } from './slate.model';

const DEFAULT_SIZE = 20;

export interface SlateRequest {
  postId: string;
  asOf?: string;
  first?: number;
  unitId?: string;
}

interface Facts {
  domains: Map<string, string[]>;
  pastLimit: Map<string, { rule: string; limitDate: string | null }[]>;
}

const READINESS_ORDER: Record<string, number> = { READY_NOW: 0, READY_SOON: 1 };

/**
 * A post's slate from the rules core: the promotion candidates for its level (eligible now or soon, both ladders'
 * rules through CandidatesService, the post's domain and Party-post flag passed on), the exceptional (破格) list
 * when the post requires a domain and the policy has PROMO_EXCEPTIONAL, and per candidate the SPECIALIST_STRENGTH
 * and POSTING_LIMIT_EXCEEDED spans on asOf (one statement). Nothing here re-derives a rule.
 */
@Injectable()
export class SlateBuilder {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly posts: PostsService,
    private readonly candidates: CandidatesService,
    private readonly policies: PolicyService,
    private readonly answers: AnswerCache,
  ) {}

  async build(caller: Caller, req: SlateRequest): Promise<Slate> {
    const asOf = req.asOf ?? today();
    if (!isIsoDate(asOf))
      throw DomainError.badInput('asOf', errorText('input.dateFormat', { field: 'asOf' }));
    const post = await this.posts.get(caller, req.postId);
    // Kept until the data changes (AnswerCache). Besides the post and the request, the slate depends on the
    // caller only through the root of the lists (their jurisdiction).
    const root = await this.candidates.root(caller, req.unitId);
    const key = { post, asOf, first: req.first, unitId: req.unitId, root };
    return this.answers.get('slate', key, () => this.compute(caller, req, post, asOf));
  }

  private async compute(caller: Caller, req: SlateRequest, post: Post, asOf: string): Promise<Slate> {
    const policy = await this.policies.forDate(asOf);
    const size = req.first ?? DEFAULT_SIZE;
    const domain = post.requiredDomains[0] ?? post.preferredDomains[0];
    const base = {
      targetLevel: post.level,
      unitId: req.unitId,
      domain,
      asOf,
      partyPost: post.partyPost,
    };
    // The best of each list: ranked again below, so each brings the most the page size allows.
    const regular = await this.candidates.promotionCandidates(caller, {
      first: MAX_PAGE_SIZE,
      input: { ...base, includeNearlyEligible: true },
    });
    const exceptionalDomain = post.requiredDomains[0];
    // PROMO_EXCEPTIONAL is met only with SPECIALIST_STRENGTH in the domain on asOf: the list is of those
    // specialists (a few, from the domain's index) rather than of every cadre at the level.
    const specialists =
      exceptionalDomain && promoExceptionalOf(policy.document)
        ? await this.specialistsIn(exceptionalDomain, asOf)
        : [];
    const exceptional = specialists.length
      ? await this.candidates.promotionCandidates(
          caller,
          { first: MAX_PAGE_SIZE, input: { ...base, domain: exceptionalDomain, exceptional: true } },
          specialists,
        )
      : undefined;
    const listed = new Map<string, { candidate: Candidate; exceptional: boolean }>();
    for (const e of regular.edges) listed.set(e.node.cadreId, { candidate: e.node, exceptional: false });
    for (const e of exceptional?.edges ?? []) {
      if (!listed.has(e.node.cadreId)) listed.set(e.node.cadreId, { candidate: e.node, exceptional: true });
    }
    const facts = await this.facts([...listed.keys()], asOf);
    const entries = [...listed.values()].map((l) => this.entry(post, l.candidate, l.exceptional, facts));
    entries.sort(compare);
    const shown = entries.slice(0, size);
    await this.checkAvoidance(post, shown, asOf);
    return Object.assign(new Slate(), {
      post,
      asOf,
      policyVersion: policy.version,
      candidates: shown.map((e, i) => Object.assign(e, { position: i + 1 })),
    });
  }

  /** Each candidate's avoidance result for the post (checkAvoidanceMany: one statement); a breach is a blocker. */
  private async checkAvoidance(post: Post, entries: SlateCandidate[], asOf: string): Promise<void> {
    const result = await checkAvoidanceMany(this.ds.manager, {
      cadreIds: entries.map((e) => e.cadreId),
      unitId: post.unitId,
      title: post.title,
      level: post.level,
      asOf,
    });
    for (const e of entries) {
      const breaches = result.breaches.get(e.cadreId) ?? [];
      e.avoidance = {
        policyVersion: result.policyVersion,
        clear: result.policyVersion !== null && breaches.length === 0,
        breaches,
      };
      for (const b of breaches) {
        e.blockers.push({ code: SlateBlockerCode.AVOIDANCE_BREACH, params: { breach: b.code, ...b.params } });
      }
    }
  }

  /** The cadres with SPECIALIST_STRENGTH in `domain` on asOf (the condition PROMO_EXCEPTIONAL reads). */
  private async specialistsIn(domain: string, asOf: string): Promise<string[]> {
    const rows: { cadre_id: string }[] = await this.ds.query(
      `SELECT DISTINCT rs.cadre_id FROM rule_span rs
        WHERE rs.domain = $1 AND rs.rule_id = 'SPECIALIST' AND rs.valid @> $2::date`,
      [domain, asOf],
    );
    return rows.map((r) => r.cadre_id);
  }

  /** The candidates' specialist domains and posting limits passed on asOf, from rule_span. */
  private async facts(ids: string[], asOf: string): Promise<Facts> {
    const rows: {
      cadre_id: string;
      code: FlagCode;
      domain: string | null;
      rule_id: string;
      limit_date: string | null;
    }[] = ids.length
      ? await this.ds.query(
          `SELECT rs.cadre_id, rs.code, coalesce(rs.domain, rs.facts ->> 'domain') AS domain, rs.rule_id,
                    rs.facts ->> 'limitDate' AS limit_date
               FROM rule_span rs
              WHERE rs.cadre_id = ANY($1::uuid[]) AND rs.valid @> $2::date AND rs.code = ANY($3::text[])
              ORDER BY rs.cadre_id, rs.code, domain, rs.rule_id`,
          [ids, asOf, [FlagCode.SPECIALIST_STRENGTH, FlagCode.POSTING_LIMIT_EXCEEDED]],
        )
      : [];
    const facts: Facts = { domains: new Map(), pastLimit: new Map() };
    for (const r of rows) {
      if (r.code === FlagCode.SPECIALIST_STRENGTH && r.domain) {
        facts.domains.set(r.cadre_id, [...(facts.domains.get(r.cadre_id) ?? []), r.domain]);
      } else if (r.code === FlagCode.POSTING_LIMIT_EXCEEDED) {
        const limits = facts.pastLimit.get(r.cadre_id) ?? [];
        if (!limits.some((l) => l.rule === r.rule_id))
          limits.push({ rule: r.rule_id, limitDate: r.limit_date });
        facts.pastLimit.set(r.cadre_id, limits);
      }
    }
    return facts;
  }

  private entry(post: Post, c: Candidate, exceptional: boolean, facts: Facts): SlateCandidate {
    const domains = facts.domains.get(c.cadreId) ?? [];
    const required = post.requiredDomains.filter((d) => domains.includes(d));
    const preferred = post.preferredDomains.filter((d) => domains.includes(d));
    const missing = post.requiredDomains.filter((d) => !domains.includes(d));
    const limits = facts.pastLimit.get(c.cadreId) ?? [];
    const stuck = limits.length > 0 && c.readiness === Readiness.READY_NOW;
    const reasons: SlateCandidate['reasons'] = [];
    if (c.readiness === Readiness.READY_NOW || c.readiness === Readiness.READY_SOON) {
      reasons.push({
        code: SlateReasonCode[c.readiness],
        params: { level: post.level, eligibleFrom: c.eligibleFrom },
      });
    }
    if (required.length)
      reasons.push({ code: SlateReasonCode.REQUIRED_DOMAIN_MATCH, params: { domains: required } });
    if (preferred.length) {
      reasons.push({ code: SlateReasonCode.PREFERRED_DOMAIN_MATCH, params: { domains: preferred } });
    }
    if (stuck) reasons.push({ code: SlateReasonCode.STUCK_PAST_LIMIT, params: { limits } });
    if (exceptional) {
      reasons.push({ code: SlateReasonCode.EXCEPTIONAL, params: { domain: post.requiredDomains[0] } });
    }
    const blockers: SlateCandidate['blockers'] = c.blockers.map((b) => ({
      code: SlateBlockerCode.REQUIREMENT_UNMET,
      params: {
        rule: b.code,
        current: b.current,
        required: b.required,
        remaining: b.remaining,
        dateMet: b.dateMet,
      },
    }));
    if (missing.length)
      blockers.push({ code: SlateBlockerCode.MISSING_REQUIRED_DOMAIN, params: { domains: missing } });
    return Object.assign(new SlateCandidate(), {
      position: 0,
      cadreId: c.cadreId,
      candidate: c,
      stuck,
      exceptional,
      requiredDomainsMatched: required,
      preferredDomainsMatched: preferred,
      reasons,
      blockers,
      avoidance: { policyVersion: null, clear: false, breaches: [] },
    });
  }
}

/** Required domains held first, then stuck talent, ready now before soon, preferred domains, score, id. */
function compare(a: SlateCandidate, b: SlateCandidate): number {
  const missing = (x: SlateCandidate) =>
    x.blockers.some((k) => k.code === SlateBlockerCode.MISSING_REQUIRED_DOMAIN) ? 1 : 0;
  const ready = (x: SlateCandidate) => READINESS_ORDER[x.candidate.readiness ?? ''] ?? 2;
  return (
    missing(a) - missing(b) ||
    Number(b.stuck) - Number(a.stuck) ||
    ready(a) - ready(b) ||
    b.preferredDomainsMatched.length - a.preferredDomainsMatched.length ||
    b.candidate.score - a.candidate.score ||
    a.cadreId.localeCompare(b.cadreId)
  );
}
