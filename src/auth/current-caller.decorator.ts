import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { Caller } from './caller';

/** The verified caller of this request; the guard has already refused requests without one. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const gql = GqlExecutionContext.create(ctx).getContext<GraphQLContext>();
  return gql.caller as Caller;
});
