import { Controller, Get, Headers, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/roles.decorator';
import { bearerToken } from '../auth/bearer-token';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * GET /metrics in Prometheus' text format, for a scraper holding METRICS_TOKEN as its bearer token. Without
 * METRICS_TOKEN the endpoint does not exist (404): the figures name operations and volumes, and a scrape costs a
 * database read, so no anonymous caller gets them. Not behind the GraphQL token check (@Public): the scraper is
 * not a user.
 */
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly expected?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    config: AppConfig,
  ) {
    this.expected = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
  }

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: FastifyReply) {
    if (!this.expected) throw new NotFoundException();
    const given = bearerToken(authorization);
    if (!given || !timingSafeEqual(digest(given), this.expected)) {
      void res.header('www-authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('A bearer token (METRICS_TOKEN) is required.');
    }
    const body = await this.metrics.registry.metrics();
    await res.header('content-type', this.metrics.registry.contentType).send(body);
  }
}
