/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CreateSyncSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n        syncSource\n        events\n        url\n      }\n    }\n  }\n": typeof types.CreateSyncSubscriptionDocument,
    "\n  mutation SyncUnits($input: SyncUnitsInput!) {\n    syncUnits(input: $input) {\n      id\n      status\n      counts {\n        received\n        created\n        updated\n        unchanged\n        rejected\n      }\n    }\n  }\n": typeof types.SyncUnitsDocument,
    "\n  query RejectedRows($id: ID!, $after: String) {\n    syncRun(id: $id) {\n      id\n      status\n      results(outcome: REJECTED, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            index\n            externalId\n            outcome\n            errors {\n              code\n              field\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RejectedRowsDocument,
};
const documents: Documents = {
    "\n  mutation CreateSyncSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n        syncSource\n        events\n        url\n      }\n    }\n  }\n": types.CreateSyncSubscriptionDocument,
    "\n  mutation SyncUnits($input: SyncUnitsInput!) {\n    syncUnits(input: $input) {\n      id\n      status\n      counts {\n        received\n        created\n        updated\n        unchanged\n        rejected\n      }\n    }\n  }\n": types.SyncUnitsDocument,
    "\n  query RejectedRows($id: ID!, $after: String) {\n    syncRun(id: $id) {\n      id\n      status\n      results(outcome: REJECTED, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            index\n            externalId\n            outcome\n            errors {\n              code\n              field\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RejectedRowsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSyncSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n        syncSource\n        events\n        url\n      }\n    }\n  }\n"): typeof import('./graphql').CreateSyncSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncUnits($input: SyncUnitsInput!) {\n    syncUnits(input: $input) {\n      id\n      status\n      counts {\n        received\n        created\n        updated\n        unchanged\n        rejected\n      }\n    }\n  }\n"): typeof import('./graphql').SyncUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RejectedRows($id: ID!, $after: String) {\n    syncRun(id: $id) {\n      id\n      status\n      results(outcome: REJECTED, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            index\n            externalId\n            outcome\n            errors {\n              code\n              field\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RejectedRowsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
