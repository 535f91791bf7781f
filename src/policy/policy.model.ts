import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { JSONScalar } from '../common/graphql/json.scalar';
import { isEvaluated, RULE_IDS } from '../rules/registry';
import { PolicyDocument, RuleCitation } from './policy.types';
import { citationOf, sentencesOf, titleEnOf } from './rule-texts';

@ObjectType('PolicyLadderStep', { description: 'One step up a ladder, with its minimum years.' })
export class PolicyLadderStep {
  @Field({ description: 'The level code moved from.' }) from!: string;
  @Field({ description: 'The level code moved to.' }) to!: string;
  @Field({ description: 'Minimum years at `from` before moving to `to`.' }) minYears!: number;
}

@ObjectType('PolicyLadder', { description: 'One career ladder of the policy: leadership levels or ranks.' })
export class PolicyLadder {
  @Field({ description: 'LEADERSHIP or RANK.' }) id!: string;
  @Field({ description: "The ladder's name." }) name!: string;
  @Field(() => [PolicyLadderStep], { description: 'The steps, lowest first.' }) steps!: PolicyLadderStep[];
}

@ObjectType('LocalizedText', { description: 'A text in each locale, Chinese first.' })
export class LocalizedTextModel {
  @Field({ description: 'The text in Simplified Chinese (zh-CN).' }) zhCN!: string;
  @Field({ description: 'The text in English (en).' }) en!: string;
}

@ObjectType('CitationReference', { description: 'One document a rule cites.' })
export class CitationReferenceModel {
  @Field({ description: 'The document’s title in Chinese, without 《》.' }) title!: string;
  @Field(() => Int, { nullable: true, description: 'The year the document was issued; null when unknown.' })
  year!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The article in Chinese, e.g. 第八条第（三）项; null when the document is cited as a whole.',
  })
  article!: string | null;
  @Field(() => String, { nullable: true, description: 'The same article in English, e.g. art. 8(3).' })
  articleEn!: string | null;
  @Field({
    description: 'The document’s title in English (its Chinese title where no English name is known).',
  })
  titleEn!: string;
}

export enum CitationBasis {
  NATIONAL_DEFAULT = 'NATIONAL_DEFAULT',
  LOCAL_CHOICE = 'LOCAL_CHOICE',
}
registerEnumType(CitationBasis, {
  name: 'CitationBasis',
  description:
    'NATIONAL_DEFAULT: the number is the national text’s; LOCAL_CHOICE: a locality’s choice, or this service’s default where no text sets one.',
  valuesMap: {
    NATIONAL_DEFAULT: { description: 'The number is the one the national text sets.' },
    LOCAL_CHOICE: { description: 'A locality’s choice, or this service’s default where no text sets one.' },
  },
});

@ObjectType('RuleCitation', { description: 'Where a rule comes from, structured.' })
export class RuleCitationModel {
  @Field(() => CitationBasis, { description: 'Whether the number is the national text’s or a local choice.' })
  basis!: CitationBasis;
  @Field(() => [CitationReferenceModel], { description: 'The documents cited, most specific first.' })
  references!: CitationReferenceModel[];
  @Field(() => LocalizedTextModel, { nullable: true, description: 'What to check, or why it is a choice.' })
  note!: LocalizedTextModel | null;
  /** `text` is resolved per request in the caller's locale (PolicyRuleResolver). */
  stored!: RuleCitation;
}

@ObjectType('PolicyRule', {
  description: 'One rule of the policy: its thresholds (params) are data, never constants in code.',
})
export class PolicyRule {
  @Field({ description: 'The rule id, e.g. POST_LIMIT_SAME_POST.' }) id!: string;
  /** `sentence` and `source` are resolved per request in the caller's locale (PolicyRuleResolver). */
  @Field(() => LocalizedTextModel, {
    description:
      'The sentence in each locale. A version published before these existed gives the default’s texts where its sentence is the default’s, else its own sentence in both.',
  })
  sentences!: LocalizedTextModel;
  @Field(() => RuleCitationModel, {
    nullable: true,
    description:
      'The source as a structured citation; null for a rule of a version published before citations existed whose sentence is not the default’s (its `source` line still says it).',
  })
  citation!: RuleCitationModel | null;
  /** The stored one-line source, shown when there is no citation. */
  sourceLine!: string;
  @Field(() => JSONScalar, { description: "The rule's thresholds, e.g. { years: 10 }." })
  params!: Record<string, unknown>;
  @Field({
    description:
      'False for a rule no code evaluates yet: it is part of the policy and validated, but raises no flag and blocks no promotion.',
  })
  evaluated!: boolean;
}

/** A stored citation as the GraphQL model (`text` is resolved per request in the caller's locale). */
export function citationModel(citation: RuleCitation): RuleCitationModel {
  return {
    basis: citation.basis as CitationBasis,
    references: citation.references.map((r) => ({
      title: r.title,
      year: r.year,
      article: r.article,
      articleEn: r.articleEn,
      titleEn: titleEnOf(r),
    })),
    note: citation.note && { zhCN: citation.note['zh-CN'], en: citation.note.en },
    stored: citation,
  };
}

/** A stored policy version as the service hands it around. */
export interface PolicyVersionRecord {
  version: number;
  effectiveFrom: string;
  publishedAt: Date;
  publishedBy: string | null;
  note: string | null;
  document: PolicyDocument;
}

@ObjectType('Policy', {
  description: 'One version of the career policy: ladders, rules with their sources, ranking weights.',
})
export class Policy {
  @Field(() => Int, { description: 'The version number; each publication adds one.' }) version!: number;
  @Field(() => DateScalar, { description: 'In force from this date until the next version.' })
  effectiveFrom!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was published.' }) publishedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The token subject that published it; null for a migration.',
  })
  publishedBy!: string | null;
  @Field(() => String, { nullable: true, description: "What changed, in the publisher's words." }) note!:
    string | null;
  @Field(() => [PolicyLadder], {
    description: 'The ladders: leadership levels (领导职务) and ranks (职级), with minimum years per step.',
  })
  ladders!: PolicyLadder[];
  @Field(() => [PolicyRule], { description: 'Every rule with its thresholds and source.' })
  rules!: PolicyRule[];
  @Field(() => JSONScalar, { description: 'Factor name → weight, for candidate ranking.' })
  rankingWeights!: Record<string, number>;

  static from(r: PolicyVersionRecord): Policy {
    const { ladders, rules, rankingWeights } = r.document;
    return Object.assign(new Policy(), {
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      publishedAt: r.publishedAt,
      publishedBy: r.publishedBy,
      note: r.note,
      ladders: ladders.map((l) => ({ id: l.id, name: l.name, steps: l.steps.map((s) => ({ ...s })) })),
      // A version stored before a rule existed does not have it: that rule was not in force then.
      rules: RULE_IDS.filter((id) => (rules as Partial<typeof rules>)[id] !== undefined).map((id) => {
        const rule = rules[id];
        const sentences = sentencesOf(rule);
        const citation = citationOf(rule);
        return {
          id: rule.id,
          sentences: { zhCN: sentences['zh-CN'], en: sentences.en },
          citation: citation && citationModel(citation),
          sourceLine: rule.source,
          params: { ...rule.params },
          evaluated: isEvaluated(id),
        };
      }),
      rankingWeights: { ...rankingWeights },
    });
  }
}
