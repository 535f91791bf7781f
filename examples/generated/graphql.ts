/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A new subscription: exactly one of unitId (a department) and syncSource (an HR system). */
export type CreateWebhookSubscriptionInput = {
  /** What it is for (at most 500 characters). */
  description?: string | null | undefined;
  /** The events to receive; at least one. */
  events: Array<WebhookEvent>;
  /** An HR source (HR_SYNC: your token's own; ADMIN: any). */
  syncSource?: string | null | undefined;
  /** A unit in your jurisdiction (departments, ADMIN). */
  unitId?: string | number | null | undefined;
  /** The receiver: an http(s) URL on a public address (unless WEBHOOK_ALLOW_PRIVATE_URLS). */
  url: string;
};

/** UPSERT touches only the records sent; SNAPSHOT also ends what a scope no longer has. */
export type SyncMode =
  /** The batch is the source's whole list for its scope: what the source kept and did not send is ended. */
  | 'SNAPSHOT'
  /** Creates or updates the records sent; leaves every other record alone. */
  | 'UPSERT';

/** What a sync did with one record. */
export type SyncOutcome =
  /** A new record was written. */
  | 'CREATED'
  /** SNAPSHOT: a record of the source that the batch no longer has was ended. */
  | 'ENDED'
  /** Not written; errors say which field and why. */
  | 'REJECTED'
  /** The record already held these values; nothing was written. */
  | 'UNCHANGED'
  /** An existing record was changed. */
  | 'UPDATED';

/** REJECTED: an atomic batch had a bad record, so nothing was written. */
export type SyncStatus =
  /** Written; single records may still have been rejected (see results). */
  | 'COMPLETED'
  /** An atomic batch had a bad record, so nothing was written. */
  | 'REJECTED';

/** A batch of unit records from one HR system. */
export type SyncUnitsInput = {
  /** One rejected record rejects the whole batch. */
  atomic?: boolean | null | undefined;
  /** Compute the outcomes, write nothing but the run. */
  dryRun?: boolean | null | undefined;
  /** Resending with the same key returns the first run; the same key with another payload is CONFLICT. */
  idempotencyKey?: string | null | undefined;
  /** Default UPSERT. */
  mode?: SyncMode | null | undefined;
  /** At most 10,000 per call (SYNC_BATCH_LIMIT). */
  records: Array<UnitRecordInput>;
  /** The HR system; an HR_SYNC token may send only its own source. */
  source: string;
};

/** One unit as the HR system has it, keyed by code; its parent by code too (in the batch or already known). */
export type UnitRecordInput = {
  /** The unit's code, unique. */
  code: string;
  /** A unit kind, e.g. GOVERNMENT or PARTY_COMMITTEE. */
  kind: string;
  /** VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE, NATIONAL. */
  level: string;
  /** The unit's name. */
  name: string;
  /** The parent unit's code; omit for a root unit. */
  parentCode?: string | null | undefined;
};

/** An event a webhook subscription receives (事件); the delivery body names it as `flag.started` etc. */
export type WebhookEvent =
  /** A cadre claimed an achievement that awaits verification (实绩待核实). */
  | 'ACHIEVEMENT_CLAIMED'
  /** A flag that held no longer does (预警结束), from the daily flag job. */
  | 'FLAG_ENDED'
  /** A flag holds for a cadre that did not the day before (预警开始), from the daily flag job: a limit reached on a date with no write that day, or a write that made a flag hold. */
  | 'FLAG_STARTED'
  /** A decision on a talent-pool member was recorded (人才库决定): promoted, deferred, … */
  | 'POOL_DECISION_RECORDED'
  /** An HR sync run finished, committed or rejected (同步完成), with its counts; not dry runs. */
  | 'SYNC_FINISHED';

export type CreateSyncSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateSyncSubscriptionMutation = { createWebhookSubscription: { secret: string, subscription: { id: string, syncSource: string | null, events: Array<WebhookEvent>, url: string } } };

export type SyncUnitsMutationVariables = Exact<{
  input: SyncUnitsInput;
}>;


export type SyncUnitsMutation = { syncUnits: { id: string, status: SyncStatus, counts: { received: number, created: number, updated: number, unchanged: number, rejected: number } } };

export type RejectedRowsQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type RejectedRowsQuery = { syncRun: { id: string, status: SyncStatus, results: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { index: number, externalId: string | null, outcome: SyncOutcome, errors: Array<{ code: string, field: string, message: string }> } }> } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CreateSyncSubscriptionDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreateSyncSubscriptionMutation, CreateSyncSubscriptionMutationVariables>;
export const SyncUnitsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SyncUnitsMutation, SyncUnitsMutationVariables>;
export const RejectedRowsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RejectedRowsQuery, RejectedRowsQueryVariables>;