import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../auth/caller';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: FastifyRequest;
  requestId: string;
  caller?: Caller;
  loaders: Loaders;
}
