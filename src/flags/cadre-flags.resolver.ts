import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cadre } from '../cadres/cadre.model';
import { today } from '../common/graphql/date.scalar';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { LocaleArgs } from '../i18n/locale.args';
import { useLocale } from '../i18n/locale.interceptor';
import { CadreFlagsArgs } from './dto/flags.args';
import { Flag } from './flag.model';
import { flagsLoader } from './flags.loader';
import { FlagsService } from './flags.service';

/** Adds `Cadre.flags(asOf)`, batched per request. */
@Resolver(() => Cadre)
export class CadreFlagsResolver {
  constructor(private readonly service: FlagsService) {}

  @ResolveField(() => [Flag], { description: 'What the rules find about this cadre on asOf, worst first.' })
  async flags(
    @Parent() cadre: Cadre,
    @Args() { asOf, asOfRecorded }: CadreFlagsArgs,
    @Args() { locale }: LocaleArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Flag[]> {
    useLocale(ctx, locale);
    const date = asOf ?? today();
    return flagsLoader(ctx, this.service, date, asOfRecorded ?? date).load(cadre.id);
  }
}
