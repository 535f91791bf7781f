import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { DomainError } from '../common/errors/domain-error';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { renderReason } from '../i18n/reasons';
import { CandidateSnapshot, TalentPoolMember } from './talent-pool.model';

@Resolver(() => TalentPoolMember)
export class TalentPoolMemberResolver {
  @ResolveField(() => Cadre, { nullable: true, description: 'Null when hidden.' })
  async cadre(@Parent() m: TalentPoolMember, @Context() ctx: GraphQLContext): Promise<Cadre | null> {
    if (m.hidden) return null;
    const cadre = await ctx.loaders.cadre.load(m.cadreId);
    if (!cadre) throw DomainError.notFound('Cadre', m.cadreId);
    return cadre;
  }
}

@Resolver(() => CandidateSnapshot)
export class CandidateSnapshotResolver {
  @ResolveField(() => [String], {
    description: 'The reasons then, in the caller’s locale.',
    deprecationReason:
      'Use reasonData { code params message }: the same sentences, with their codes and values.',
  })
  reasons(@Parent() s: CandidateSnapshot, @Context() ctx: GraphQLContext): string[] {
    return s.reasonData.map((r) => renderReason(r, ctx.locale));
  }
}
