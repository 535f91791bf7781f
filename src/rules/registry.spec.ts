import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqlParams } from '../common/sql/sql-params';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { RuleId } from '../policy/policy.types';
import { buildFlagsQuery } from './flags.sql';
import { PROMOTION_RULES } from './pathway';
import { FLAG_RULES, isEvaluated, RULE_IDS, RULES } from './registry';

const kebab = (id: string): string => id.toLowerCase().replace(/_/g, '-');

/** Rules in the policy that no code evaluates yet: none since issue 16 (README's rule table has no silent rule). */
const NOT_EVALUATED: RuleId[] = [];

describe('rules registry', () => {
  it('lists every rule of the default policy once, in the policy’s order, each under its own id', () => {
    expect(RULE_IDS).toEqual(Object.keys(DEFAULT_POLICY.rules));
    for (const id of RULE_IDS) expect(RULES[id].id).toBe(id);
  });

  it('keeps each rule in <rule-id>.rule.ts, and each promotion rule’s spec beside it', async () => {
    for (const id of RULE_IDS) {
      const file = join(__dirname, `${kebab(id)}.rule.ts`);
      expect({ id, exists: existsSync(file) }).toEqual({ id, exists: true });
      const mod: Record<string, unknown> = await import(file);
      const exported = Object.values(mod);
      expect(exported).toContain(RULES[id]);
    }
    for (const r of PROMOTION_RULES) {
      expect({ id: r.id, spec: existsSync(join(__dirname, `${kebab(r.id)}.rule.spec.ts`)) }).toEqual({
        id: r.id,
        spec: true,
      });
    }
  });

  it('has every rule evaluated by code, read by evaluated rules, or listed honestly as not evaluated', () => {
    const evaluated = new Set<RuleId>([...FLAG_RULES.map((r) => r.id), ...PROMOTION_RULES.map((r) => r.id)]);
    for (const id of RULE_IDS) {
      const rule = RULES[id];
      switch (rule.kind) {
        case 'flag':
        case 'promotion':
          expect(evaluated.has(id)).toBe(true);
          break;
        case 'parameter':
          expect(rule.readBy.length).toBeGreaterThan(0);
          for (const reader of rule.readBy) expect(evaluated.has(reader)).toBe(true);
          break;
        case 'team':
          expect(rule.readBy.length).toBeGreaterThan(0);
          break;
        case 'not-evaluated':
          expect(rule.note.length).toBeGreaterThan(0);
          break;
      }
    }
    expect(RULE_IDS.filter((id) => !isEvaluated(id))).toEqual(NOT_EVALUATED);
    expect(PROMOTION_RULES.map((r) => r.id).sort()).toEqual(
      RULE_IDS.filter((id) => RULES[id].kind === 'promotion').sort(),
    );
  });

  it('binds every flag rule’s thresholds from the policy, and WARNING_WINDOW where the posting limits read it', () => {
    const policy = structuredClone(DEFAULT_POLICY);
    policy.rules.WARNING_WINDOW.params.months = 7;
    policy.rules.POST_LIMIT_SAME_POST.params.years = 11;
    const { withSql, params } = buildFlagsQuery({ asOf: '2026-11-27', policy, scope: {} });
    for (const rule of FLAG_RULES) expect(withSql).toContain(`'${rule.id}'`);
    expect(params.values).toEqual(expect.arrayContaining([7, 11, policy.rules.SPECIALIST.source]));
    // The parameter rule is bound once even though both posting-limit rules read it.
    const p = new SqlParams();
    expect(p.add(7, 'numeric')).toBe(p.add(7, 'numeric'));
  });
});
