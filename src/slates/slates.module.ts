import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { PostsModule } from '../posts/posts.module';
import { SlateBuilder } from './slate-builder.service';
import { PostSlatesResolver, SlateMemberResolver, SlatesResolver } from './slates.resolver';
import { SlatesService } from './slates.service';

/** Slates: a post's candidates from the rules core, saved as snapshots, and the decisions taken on them. */
@Module({
  imports: [CandidatesModule, PostsModule],
  providers: [SlatesResolver, SlateMemberResolver, PostSlatesResolver, SlatesService, SlateBuilder],
})
export class SlatesModule {}
