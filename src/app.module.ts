import { ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLPassthroughFilter } from './common/errors/graphql-exception.filter';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { AchievementsModule } from './achievements/achievements.module';
import { AppointmentFormModule } from './appointment-form/appointment-form.module';
import { AppraisalsModule } from './appraisals/appraisals.module';
import { RanksModule } from './ranks/ranks.module';
import { SanctionsModule } from './sanctions/sanctions.module';
import { AuthModule } from './auth/auth.module';
import { SignInModule } from './auth/sign-in/sign-in.module';
import { TokenService } from './auth/token.service';
import { CadresModule } from './cadres/cadres.module';
import { CandidatesModule } from './candidates/candidates.module';
import { DateScalar } from './common/graphql/date.scalar';
import { graphqlOptions } from './common/graphql/graphql-options';
import { JitApolloDriver } from './common/graphql/jit-apollo.driver';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AnswerCacheModule } from './database/answer-cache.module';
import { ExportModule } from './export/export.module';
import { HealthModule } from './health/health.module';
import { HttpLimitsModule } from './common/http/http-limits.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { FlagsModule } from './flags/flags.module';
import { FlagChangesModule } from './flag-changes/flag-changes.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { StuckTalentModule } from './stuck-talent/stuck-talent.module';
import { TeamsModule } from './teams/teams.module';
import { PathwayModule } from './pathway/pathway.module';
import { PolicyModule } from './policy/policy.module';
import { I18nModule } from './i18n/i18n.module';
import { PostingsModule } from './postings/postings.module';
import { PostsModule } from './posts/posts.module';
import { SlatesModule } from './slates/slates.module';
import { SyncModule } from './sync/sync.module';
import { TalentPoolsModule } from './talent-pools/talent-pools.module';
import { TrainingModule } from './training/training.module';
import { UnitsModule } from './units/units.module';
import { WebModule } from './web/web.module';

export interface AppOptions {
  config: AppConfig;
  /** The service's pool: DATABASE_URL, a member of cadre_app. */
  databaseUrl: string;
  /** Migrations at boot: MIGRATION_DATABASE_URL, the owner; default databaseUrl. */
  migrationDatabaseUrl?: string;
  /** Write schema.gql on boot (development); tests keep the schema in memory and compare. */
  writeSchemaFile?: boolean;
  typeormLogger?: TypeOrmLogger;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        HttpLimitsModule,
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          migrationUrl: options.migrationDatabaseUrl,
          warnIfOwner: config.isProduction,
          poolSize: config.DB_POOL_SIZE,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          preparedStatements: config.DB_PREPARED_STATEMENTS,
          replicaUrls: config.replicaUrls,
          runMigrations: config.MIGRATIONS_RUN,
          logger: options.typeormLogger,
        }),
        AuthModule,
        SignInModule.forRoot(config),
        AnswerCacheModule,
        HealthModule,
        MetricsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: JitApolloDriver,
          inject: [TokenService, DataSource],
          useFactory: (tokens: TokenService, ds: DataSource) =>
            graphqlOptions(config, tokens, ds, options.writeSchemaFile ?? false),
        }),
        UnitsModule,
        CadresModule,
        PostingsModule,
        TrainingModule,
        AchievementsModule,
        AppraisalsModule,
        AppointmentFormModule,
        SanctionsModule,
        RanksModule,
        I18nModule,
        PolicyModule,
        SyncModule,
        FlagsModule,
        FlagChangesModule,
        WebhooksModule,
        StuckTalentModule,
        TeamsModule,
        PathwayModule,
        CandidatesModule,
        TalentPoolsModule,
        PostsModule,
        SlatesModule,
        ExportModule,
        WebModule,
      ],
      providers: [
        DateScalar,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLPassthroughFilter },
      ],
    };
  }
}
