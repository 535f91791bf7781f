import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/pagination';
import { Flag } from './flag.model';

@ObjectType('FlaggedCadre', { description: 'A cadre and the flags that matched the filter.' })
export class FlaggedCadre {
  @Field(() => ID, { description: "The cadre's id." }) cadreId!: string;
  @Field(() => [Flag], { description: 'Worst first.' }) flags!: Flag[];
}

@ObjectType('FlaggedCadreConnection', { description: 'A page of flagged cadres, worst first.' })
export class FlaggedCadreConnection extends Connection(FlaggedCadre) {}
