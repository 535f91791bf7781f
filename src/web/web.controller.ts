import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import send, { type SendOptions } from '@fastify/send';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/roles.decorator';
import { WEB_DIST } from './web-dist';

const NOT_BUILT =
  'The web page is not built yet: run `npm run build:web` (`npm start` does it), then reload.\n' +
  'The GraphQL API is at /graphql.\n';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The single-page app at `/` and its hashed assets under `/assets/`. Public: the page itself holds no data;
 * every request it makes to /graphql carries the user's token. Files go out through @fastify/send (type,
 * length, ETag and Last-Modified, conditional and range requests).
 */
@Controller()
@Public()
export class WebController {
  constructor(@Inject(WEB_DIST) private readonly dist: string) {}

  @Get()
  async index(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    if (!existsSync(join(this.dist, 'index.html'))) {
      await res.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
      return;
    }
    res.header('cache-control', 'no-cache');
    await this.sendFile(req, res, this.dist, 'index.html', { cacheControl: false });
  }

  /** Vite writes flat, content-hashed file names, so they can be cached for good. */
  @Get('assets/:file')
  async asset(
    @Param('file') file: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) {
      await res.code(404).send();
      return;
    }
    await this.sendFile(req, res, join(this.dist, 'assets'), file, { maxAge: YEAR_MS, immutable: true });
  }

  private async sendFile(
    req: FastifyRequest,
    res: FastifyReply,
    root: string,
    file: string,
    options: SendOptions,
  ): Promise<void> {
    const sent = await send(req.raw, `/${file}`, { ...options, root, index: false, dotfiles: 'deny' });
    // a missing file (or anything else send refuses) is a bare 404: no error page
    if (sent.type === 'error') {
      sent.stream.destroy();
      await res.code(404).send();
      return;
    }
    await res.code(sent.statusCode).headers(sent.headers).send(sent.stream);
  }
}
