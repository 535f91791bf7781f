import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/roles.decorator';
import { WEB_DIST } from './web-dist';

const NOT_BUILT =
  'The web page is not built yet: run `npm run build:web` (`npm start` does it), then reload.\n' +
  'The GraphQL API is at /graphql.\n';

/**
 * The single-page app at `/` and its hashed assets under `/assets/`. Public: the page itself holds no data;
 * every request it makes to /graphql carries the user's token.
 */
@Controller()
@Public()
export class WebController {
  constructor(@Inject(WEB_DIST) private readonly dist: string) {}

  @Get()
  index(@Res() res: Response): void {
    const file = join(this.dist, 'index.html');
    if (!existsSync(file)) {
      res.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(file);
  }

  /** Vite writes flat, content-hashed file names, so they can be cached for good. */
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { root: join(this.dist, 'assets'), maxAge: '365d', immutable: true }, (err) => {
      if (err && !res.headersSent) res.status(404).end();
    });
  }
}
