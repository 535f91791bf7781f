import { DomainError } from '../common/errors/domain-error';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { validatePolicyDocument } from '../policy/policy-validation';
import { PolicyDocument } from '../policy/policy.types';

const LEVELS = new Set(DEFAULT_POLICY.ladders.flatMap((l) => l.steps.flatMap((s) => [s.from, s.to])));
const copy = (): PolicyDocument => structuredClone(DEFAULT_POLICY);

function fieldOf(doc: PolicyDocument): string | undefined {
  try {
    validatePolicyDocument(doc, LEVELS);
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e.field;
    throw e;
  }
}

describe('AVOIDANCE and TEAM_STRUCTURE params', () => {
  it('accepts the default policy, whose home-area patterns recognise the posts of the text', () => {
    expect(fieldOf(copy())).toBeUndefined();
    const posts = DEFAULT_POLICY.rules.AVOIDANCE.params.homeAreaPosts;
    const matches = (code: string, title: string) =>
      new RegExp(posts.find((p) => p.code === code)!.titlePattern, 'u').test(title);
    expect(matches('PARTY_SECRETARY', '县委书记')).toBe(true);
    expect(matches('PARTY_SECRETARY', '县委副书记')).toBe(false);
    expect(matches('GOVERNMENT_HEAD', '县委副书记、县长')).toBe(true);
    expect(matches('GOVERNMENT_HEAD', '副县长')).toBe(false);
    expect(matches('PUBLIC_SECURITY_HEAD', '局长')).toBe(true);
    expect(matches('PUBLIC_SECURITY_HEAD', '副局长')).toBe(false);
  });

  it.each<[string, (d: PolicyDocument) => void, string]>([
    [
      'an unknown kind of relation',
      (d) => d.rules.AVOIDANCE.params.closeRelations.push('FRIEND'),
      'document.rules.AVOIDANCE.params.closeRelations[12]',
    ],
    [
      'an unknown unit level',
      (d) => (d.rules.AVOIDANCE.params.homeAreaUnitLevels = ['DISTRICT']),
      'document.rules.AVOIDANCE.params.homeAreaUnitLevels[0]',
    ],
    [
      'a title pattern that is no regular expression',
      (d) => (d.rules.AVOIDANCE.params.homeAreaPosts[0].titlePattern = '(书记'),
      'document.rules.AVOIDANCE.params.homeAreaPosts[0].titlePattern',
    ],
    [
      'an unknown unit kind',
      (d) => (d.rules.AVOIDANCE.params.homeAreaPosts[1].unitKinds = ['MINISTRY']),
      'document.rules.AVOIDANCE.params.homeAreaPosts[1].unitKinds[0]',
    ],
    [
      'a grassroots share over 1',
      (d) => (d.rules.TEAM_STRUCTURE.params.minGrassrootsShare = 1.5),
      'document.rules.TEAM_STRUCTURE.params.minGrassrootsShare',
    ],
    [
      'a young age for an unknown level',
      (d) => (d.rules.TEAM_STRUCTURE.params.youngMaxAgeByLevel.MAYOR = 40),
      'document.rules.TEAM_STRUCTURE.params.youngMaxAgeByLevel.MAYOR',
    ],
    [
      'age bands that do not increase',
      (d) => (d.rules.TEAM_STRUCTURE.params.ageBands = [40, 35]),
      'document.rules.TEAM_STRUCTURE.params.ageBands[1]',
    ],
    [
      'a fractional number of women',
      (d) => (d.rules.TEAM_STRUCTURE.params.minWomen = 0.5),
      'document.rules.TEAM_STRUCTURE.params.minWomen',
    ],
  ])('refuses %s', (_, change, field) => {
    const d = copy();
    change(d);
    expect(fieldOf(d)).toBe(field);
  });
});
