import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { MaxLength } from '../../common/max-length';
import { DateScalar } from '../../common/graphql/date.scalar';
import { PageArgs } from '../../common/graphql/pagination';
import { CADRE_STATUSES, CadreStatus } from '../cadre.entity';
import { CadreStatusEnum } from '../cadre.model';

@InputType({ description: 'Which cadres a list holds; all conditions together.' })
export class CadreFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Cadres with a current posting in this unit or any unit beneath it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id (UUID)' })
  unitId?: string;

  @Field({ nullable: true, description: 'Part of the name, any case.' })
  @IsOptional()
  @MaxLength(100)
  name?: string;

  @Field(() => CadreStatusEnum, {
    nullable: true,
    description: 'Only cadres with this status; default every status.',
  })
  @IsOptional()
  @IsIn(CADRE_STATUSES)
  status?: CadreStatus;

  @Field({
    nullable: true,
    description: 'Level code of a current posting; with unitId, the same posting must match both.',
  })
  @IsOptional()
  @MaxLength(32)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'currentLevel must be a level code such as TOWNSHIP_CHIEF' })
  currentLevel?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date deciding which postings are current; default today.',
  })
  @IsOptional()
  asOf?: string;
}

@ArgsType()
export class CadresArgs extends PageArgs {
  @Field(() => CadreFilter, {
    nullable: true,
    description: "Which cadres; default every cadre of the caller's jurisdiction (管辖范围).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CadreFilter)
  filter?: CadreFilter;
}
