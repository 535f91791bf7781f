import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { today } from '../common/graphql/date.scalar';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LocaleArgs } from '../i18n/locale.args';
import { useLocale } from '../i18n/locale.interceptor';
import { PathwayArgs } from './dto/pathway.args';
import { Pathway } from './pathway.model';
import { pathwayLoader } from './pathway.loader';
import { PathwayService } from './pathway.service';

/** Adds `Cadre.pathway(asOf)`, batched per request. */
@Resolver(() => Cadre)
export class CadrePathwayResolver {
  constructor(private readonly service: PathwayService) {}

  @ResolveField(() => Pathway, {
    nullable: true,
    description:
      'The next level on the ladder of the current regular posting, each requirement for it, and when it can be met.',
    deprecationReason:
      'Use pathways: a cadre holds a leadership post and a rank together (职务与职级并行), and pathways gives the next step on each ladder.',
  })
  async pathway(
    @Parent() cadre: Cadre,
    @Args() { asOf }: PathwayArgs,
    @Args() { locale }: LocaleArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Pathway | null> {
    useLocale(ctx, locale);
    const p = await pathwayLoader(ctx, this.service, asOf ?? today()).load(cadre.id);
    return p ? Pathway.from(p) : null;
  }

  @ResolveField(() => [Pathway], {
    description:
      'The next step on each ladder the cadre stands on (职务与职级并行): LEADERSHIP (the current leadership post) first, then RANK (the rank grant, a rank posting, or the rank corresponding to the post under RANK_FROM_POST). Empty without either.',
  })
  async pathways(
    @Parent() cadre: Cadre,
    @Args() { asOf }: PathwayArgs,
    @Args() { locale }: LocaleArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Pathway[]> {
    useLocale(ctx, locale);
    const date = asOf ?? today();
    const [post, rank] = await Promise.all([
      pathwayLoader(ctx, this.service, date, 'POST').load(cadre.id),
      pathwayLoader(ctx, this.service, date, 'RANK').load(cadre.id),
    ]);
    // A rank posting's ladder is the rank ladder, read (with any grant) by the RANK facts.
    const leadership = post?.ladder === 'LEADERSHIP' ? [post] : [];
    return [...leadership, ...(rank?.currentLevel ? [rank] : [])].map((p) => Pathway.from(p));
  }
}
