import { DEFAULT_POLICY } from '../policy/default-policy';
import { validatePolicyDocument } from '../policy/policy-validation';

const LEVELS = new Set(DEFAULT_POLICY.ladders.flatMap((l) => l.steps.flatMap((s) => [s.from, s.to])));

// The params' refusals are in src/policy/policy-validation.spec.ts with every other rule's.
describe('AVOIDANCE params', () => {
  it('accepts the default policy, whose home-area patterns recognise the posts of the text', () => {
    expect(() => validatePolicyDocument(structuredClone(DEFAULT_POLICY), LEVELS)).not.toThrow();
    const posts = DEFAULT_POLICY.rules.AVOIDANCE.params.homeAreaPosts;
    const matches = (code: string, title: string) =>
      new RegExp(posts.find((p) => p.code === code)!.titlePattern, 'u').test(title);
    expect(matches('PARTY_SECRETARY', '县委书记')).toBe(true);
    expect(matches('PARTY_SECRETARY', '县委副书记')).toBe(false);
    expect(matches('GOVERNMENT_HEAD', '县委副书记、县长')).toBe(true);
    expect(matches('GOVERNMENT_HEAD', '副县长')).toBe(false);
    expect(matches('PUBLIC_SECURITY_HEAD', '局长')).toBe(true);
    expect(matches('PUBLIC_SECURITY_HEAD', '副局长')).toBe(false);
    expect(matches('COURT_PRESIDENT', '副院长')).toBe(false);
  });
});
