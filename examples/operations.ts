import { graphql } from './generated';

/** An HR system's subscription to its own sync runs (同步完成); the secret is returned this once. */
export const CreateSyncSubscription = graphql(`
  mutation CreateSyncSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
        id
        syncSource
        events
        url
      }
    }
  }
`);

/** One batch of unit records (单位) from the HR system. */
export const SyncUnits = graphql(`
  mutation SyncUnits($input: SyncUnitsInput!) {
    syncUnits(input: $input) {
      id
      status
      counts {
        received
        created
        updated
        unchanged
        rejected
      }
    }
  }
`);

/** One page of a run's rejected rows (被拒绝的记录) with their errors. */
export const RejectedRows = graphql(`
  query RejectedRows($id: ID!, $after: String) {
    syncRun(id: $id) {
      id
      status
      results(outcome: REJECTED, first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            index
            externalId
            outcome
            errors {
              code
              field
              message
            }
          }
        }
      }
    }
  }
`);
