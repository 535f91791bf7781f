import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the built page is: `web/dist` beside the nearest package.json that has a `web` folder. */
export const WEB_DIST = Symbol('WEB_DIST');

export function findWebDist(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'web')))
      return join(dir, 'web', 'dist');
    if (dirname(dir) === dir) return join(process.cwd(), 'web', 'dist');
  }
}
