import { PolicyDocument } from '../policy/policy.types';
import { leadershipTo, NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';

/** The band of a leadership level: its code without _DEPUTY/_CHIEF (COUNTY_DEPUTY → COUNTY). */
const bandOf = (level: string): string => level.replace(/_(DEPUTY|CHIEF)$/, '');

/** The leadership levels of the band below the target's band, in ladder order (COUNTY_* → TOWNSHIP_*). */
export function bandBelow(policy: PolicyDocument, target: string): string[] {
  const steps = policy.ladders.find((l) => l.id === 'LEADERSHIP')?.steps ?? [];
  const levels = steps.length ? [steps[0].from, ...steps.map((s) => s.to)] : [];
  const bands = [...new Set(levels.map(bandOf))];
  const i = bands.indexOf(bandOf(target));
  if (i <= 0) return [];
  return levels.filter((l) => bandOf(l) === bands[i - 1]);
}

/** PROMO_TWO_POSTS: distinct (unit, level) posts held in the band below the target. Not time-based. */
export const promoTwoPosts: Requirement = (facts, policy) => {
  const rule = policy.rules.PROMO_TWO_POSTS;
  const step = nextStep(facts, policy);
  if (!step || step.ladder !== 'LEADERSHIP' || !rule.params.appliesToLevels.includes(step.to)) return null;
  const band = bandBelow(policy, step.to);
  if (!band.length) return null;
  const posts = band.reduce((n, level) => n + (facts.postsByLevel[level] ?? 0), 0);
  const met = posts >= rule.params.posts;
  return {
    ...ruleInfo(rule),
    met,
    current: posts,
    required: rule.params.posts,
    remaining: met ? 0 : rule.params.posts - posts,
    unit: `posts at ${band.join(' or ')}`,
    dateMet: null,
  };
};

export const promoTwoPostsRule: PromotionRule<'PROMO_TWO_POSTS'> = {
  id: 'PROMO_TWO_POSTS',
  kind: 'promotion',
  params: { counts: ['posts'], levelLists: ['appliesToLevels'] },
  evaluate: promoTwoPosts,
  step: (policy, ladder, step) => {
    const { posts, appliesToLevels } = policy.rules.PROMO_TWO_POSTS.params;
    const band = leadershipTo(ladder, step, appliesToLevels) ? bandBelow(policy, step.to) : [];
    return { posts_needed: band.length ? posts : null, band };
  },
  stepColumns: ['posts_needed int', 'band jsonb'],
  sql: () => ({
    date: `CASE WHEN st.posts_needed IS NULL OR st.posts_needed <= posts.n THEN ${NEVER} END`,
    joins: `CROSS JOIN LATERAL (SELECT coalesce(sum((f.posts_by_level ->> b)::int), 0) AS n
                              FROM jsonb_array_elements_text(st.band) b) posts`,
  }),
};
