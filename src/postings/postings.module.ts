import { Module } from '@nestjs/common';
import { CadrePostingsResolver } from './cadre-postings.resolver';
import { PostingsResolver } from './postings.resolver';
import { PostingsService } from './postings.service';

@Module({ providers: [PostingsResolver, CadrePostingsResolver, PostingsService], exports: [PostingsService] })
export class PostingsModule {}
