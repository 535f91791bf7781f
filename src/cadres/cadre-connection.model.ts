import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/graphql/pagination';
import { Cadre } from './cadre.model';

@ObjectType('CadreConnection', { description: 'A page of cadres, by name then id.' })
export class CadreConnection extends Connection(Cadre) {}
