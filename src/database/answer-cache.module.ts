import { Global, Module } from '@nestjs/common';
import { AnswerCache } from './answer-cache';

/** One AnswerCache for the process, injectable everywhere. */
@Global()
@Module({ providers: [AnswerCache], exports: [AnswerCache] })
export class AnswerCacheModule {}
