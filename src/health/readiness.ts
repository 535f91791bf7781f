import { Injectable } from '@nestjs/common';

/** Set when SIGTERM starts a shutdown: readiness goes red so load balancers stop sending traffic. */
@Injectable()
export class Readiness {
  draining = false;
}
