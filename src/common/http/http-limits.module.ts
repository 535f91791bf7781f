import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { requestTimeout } from './request-timeout';

/** The request timeout on /graphql (registered before Apollo's own middleware). */
@Module({})
export class HttpLimitsModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(requestTimeout(this.config.REQUEST_TIMEOUT_MS))
      .forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}
