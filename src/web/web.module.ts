import { Module } from '@nestjs/common';
import { WebController } from './web.controller';
import { findWebDist, WEB_DIST } from './web-dist';

/** Serves the built web page (web/dist) at `/`; the API stays at /graphql. */
@Module({
  controllers: [WebController],
  providers: [{ provide: WEB_DIST, useFactory: () => findWebDist() }],
})
export class WebModule {}
