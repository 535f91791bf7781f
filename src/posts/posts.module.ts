import { Module } from '@nestjs/common';
import { PostQuotaResolver } from './post-quota.resolver';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { VacanciesResolver } from './vacancies.resolver';
import { VacanciesService } from './vacancies.service';

/** Posts (职位) and quotas (职数) of units, and the vacancies they leave. AccessService is global. */
@Module({
  providers: [PostsResolver, PostQuotaResolver, PostsService, VacanciesResolver, VacanciesService],
  exports: [PostsService],
})
export class PostsModule {}
