import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { LOCALES } from './labels';

/** The `locale` argument of the fields that return reasons; read by LocaleInterceptor before the resolver runs. */
@ArgsType()
export class LocaleArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'zh-CN or en: the language of messages and sentences in the result. Default: the Accept-Language header, else zh-CN.',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: string;
}
