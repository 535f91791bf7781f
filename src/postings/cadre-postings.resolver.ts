import { Args, Context, Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { today } from '../common/graphql/date.scalar';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { GRASSROOTS_UNIT_LEVELS } from '../units/unit.entity';
import { AsOfArgs } from './dto/as-of.args';
import { durationYears, isCurrent, unionYears } from './durations';
import { Posting } from './posting.model';

/** The posting fields of a cadre, all read through the per-request loaders. */
@Resolver(() => Cadre)
export class CadrePostingsResolver {
  // Without parameter decorators Nest hands graphql-js this method itself, not its context creator (pipes
  // and a promise chain per call): the resolvers of nested lists run once per cadre or posting on a page.
  // Field resolvers run no guards either way (fieldResolverEnhancers is empty).
  @ResolveField(() => [Posting], { description: 'All postings, oldest first.' })
  postings(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<Posting[]> {
    return ctx.loaders.postingsByCadre.load(cadre.id);
  }

  @ResolveField(() => [Posting], { description: 'Postings held on asOf (default today), of any kind.' })
  async currentPostings(
    @Parent() cadre: Cadre,
    @Args() { asOf }: AsOfArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Posting[]> {
    const day = asOf ?? today();
    const all = await ctx.loaders.postingsByCadre.load(cadre.id);
    return all.filter((p) => isCurrent(p, day));
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Years in the current REGULAR posting on asOf; null when there is none.',
  })
  async yearsInCurrentPost(
    @Parent() cadre: Cadre,
    @Args() { asOf }: AsOfArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<number | null> {
    const day = asOf ?? today();
    const all = await ctx.loaders.postingsByCadre.load(cadre.id);
    const current = all.find((p) => p.kind === 'REGULAR' && isCurrent(p, day));
    return current ? durationYears(current, day) : null;
  }

  @ResolveField(() => Float, {
    description:
      'Years in units at COUNTY level or below up to asOf, any posting kind, overlaps counted once (days / 365.25).',
  })
  async grassrootsYears(
    @Parent() cadre: Cadre,
    @Args() { asOf }: AsOfArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<number> {
    const all = await ctx.loaders.postingsByCadre.load(cadre.id);
    const units = await ctx.loaders.unit.loadMany([...new Set(all.map((p) => p.unitId))]);
    const grassroots = new Set(
      units.flatMap((u) =>
        u && !(u instanceof Error) && GRASSROOTS_UNIT_LEVELS.includes(u.level) ? [u.id] : [],
      ),
    );
    return unionYears(
      all.filter((p) => grassroots.has(p.unitId)),
      asOf ?? today(),
    );
  }
}
