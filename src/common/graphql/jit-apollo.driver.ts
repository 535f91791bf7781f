import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { dropPlainFieldResolvers, jitGateway } from './jit-executor';

/**
 * Nest's Apollo driver, with queries executed by graphql-jit (see jit-executor.ts). The schema Nest built is
 * handed to Apollo through its `gateway` hook, which is how Apollo Server 4 and 5 take a custom executor.
 * That path has a fixed price: Apollo builds a gateway request context for every request (its response object
 * has accessor properties, which V8 gives a hidden class of its own each time), about 0.04 ms of CPU per
 * request on `{ __typename }` in npm run bench, mostly in garbage collection. A 50-cadre page saves 24 ms.
 */
@Injectable()
export class JitApolloDriver extends ApolloDriver {
  override async start(options: ApolloDriverConfig): Promise<void> {
    if (!options.schema) throw new Error('JitApolloDriver needs the schema Nest builds.');
    // Apollo takes the schema from the gateway; it must not be given both.
    const { schema, ...rest } = options;
    dropPlainFieldResolvers(schema);
    await super.start({ ...rest, gateway: jitGateway(schema) } as ApolloDriverConfig);
  }
}
