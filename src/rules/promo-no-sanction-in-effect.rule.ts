import { addDays } from './dates';
import { NEVER, nextStep, Requirement, ruleInfo } from './requirement';
import { PromotionRule } from './rule';
import { effectLateral } from './sanction-periods.rule';
import { firstFreeDay, inEffect, requirementPeriods, sanctionEffects } from './sanction-effect';

/**
 * PROMO_NO_SANCTION_IN_EFFECT: no promotion in post or rank while a sanction or accountability record runs its
 * influence period (SANCTION_PERIODS). Met from the first day no record bars, so the pathway gives that date; a
 * revoked record, or one a 容错 decision lifted, stops counting from that date. Not applied under a policy
 * version without the sanction rules. The facts list every record that took effect by asOf, with its state.
 */
export const promoNoSanctionInEffect: Requirement = (facts, policy, asOf) => {
  const periods = requirementPeriods(policy);
  if (!periods || !nextStep(facts, policy)) return null;
  const all = sanctionEffects(facts.sanctions, periods);
  const effects = all.filter((e) => e.effectiveDate <= asOf);
  const running = effects.filter((e) => inEffect(e, asOf));
  const ended = effects.map((e) => e.until).filter((d) => d <= asOf);
  // A record taking effect later counts too when it starts before the running ones end (as range_agg merges).
  const dateMet = running.length
    ? firstFreeDay(all, asOf)
    : ended.length
      ? ended.reduce((a, b) => (a > b ? a : b))
      : null;
  return {
    ...ruleInfo(policy.rules.PROMO_NO_SANCTION_IN_EFFECT),
    met: running.length === 0,
    current: running.length,
    required: 0,
    remaining: running.length,
    unit: 'sanctions in effect',
    dateMet,
    facts: {
      sanctions: effects.map((e) => ({
        sanctionId: e.id,
        kind: e.kind,
        effectiveDate: e.effectiveDate,
        months: e.months,
        endsOn: e.endsOn,
        effectEndsOn: e.until > e.effectiveDate ? addDays(e.until, -1) : null,
        inEffect: inEffect(e, asOf),
        liftedBy: e.until <= asOf ? e.liftedBy : null,
        revokedOn: e.revokedOn,
        tolerance: e.toleranceDecidedOn ? { decidedOn: e.toleranceDecidedOn, basis: e.toleranceBasis } : null,
        issuingBody: e.issuingBody,
        documentNumber: e.documentNumber,
        source: e.source,
      })),
    },
  };
};

export const promoNoSanctionInEffectRule: PromotionRule<'PROMO_NO_SANCTION_IN_EFFECT'> = {
  id: 'PROMO_NO_SANCTION_IN_EFFECT',
  kind: 'promotion',
  params: {},
  evaluate: promoNoSanctionInEffect,
  // Every step of both ladders: the periods bar promotion in post and in rank alike.
  step: () => ({}),
  stepColumns: [],
  /**
   * The end of the union of the records' effects (range_agg merges overlapping and adjacent ones) that holds
   * asOf: the first day none bars; '-infinity' when none holds asOf or the version lacks the rules.
   */
  sql: ({ p, asOf, policy }) => {
    const periods = requirementPeriods(policy);
    if (!periods) return { date: NEVER };
    const json = p.add(JSON.stringify(periods), 'jsonb');
    return {
      date: `coalesce(pns.until, ${NEVER})`,
      joins: `LEFT JOIN LATERAL (
          SELECT upper(r) AS until
            FROM unnest((SELECT range_agg(daterange(s.effective_date, k.until))
                           FROM sanction s ${effectLateral(json)}
                          WHERE s.cadre_id = f.cadre_id)) r
           WHERE r @> ${asOf}) pns ON true`,
    };
  },
};
