import type { Request } from 'express';
import type { Caller } from '../../auth/caller';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: Request;
  requestId: string;
  caller?: Caller;
  loaders: Loaders;
}
