import { Module } from '@nestjs/common';

/** Slates: a post's candidates from the rules core, saved as snapshots, and the decisions taken on them. */
@Module({})
export class SlatesModule {}
