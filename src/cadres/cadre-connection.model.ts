import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/pagination';
import { Cadre } from './cadre.model';

@ObjectType('CadreConnection')
export class CadreConnection extends Connection(Cadre) {}
