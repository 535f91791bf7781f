import { Module } from '@nestjs/common';
import { CadresResolver } from './cadres.resolver';
import { CadresService } from './cadres.service';

@Module({ providers: [CadresResolver, CadresService], exports: [CadresService] })
export class CadresModule {}
