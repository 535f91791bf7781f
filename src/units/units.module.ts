import { Module } from '@nestjs/common';
import { UnitsResolver } from './units.resolver';
import { UnitsService } from './units.service';

@Module({ providers: [UnitsResolver, UnitsService], exports: [UnitsService] })
export class UnitsModule {}
