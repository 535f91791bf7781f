import { ErrorText } from '../i18n/errors';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/graphql/date.scalar';
import { Connection } from '../common/graphql/pagination';
import { SyncRunRow } from './sync-run.store';
import {
  SYNC_KINDS,
  SYNC_MODES,
  SYNC_OUTCOMES,
  SYNC_STATUSES,
  SyncKind,
  SyncMode,
  SyncOutcome,
  SyncStatus,
} from './sync.types';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const SyncKindEnum = asEnum(SYNC_KINDS);
registerEnumType(SyncKindEnum, {
  name: 'SyncKind',
  description: 'Which records a sync run carried.',
  valuesMap: {
    UNITS: { description: 'The unit tree (syncUnits).' },
    CADRES: { description: 'Cadre records (syncCadres).' },
    POSTINGS: { description: 'Postings (任职), by cadre and unit external keys (syncPostings).' },
    RANKS: { description: 'Rank grants (职级) (syncRanks).' },
    SANCTIONS: { description: 'Sanctions and organisational measures (处分, 组织处理) (syncSanctions).' },
    POSTS: { description: 'Posts (职位) and their approved numbers (职数) (syncPosts).' },
  },
});
export const SyncModeEnum = asEnum(SYNC_MODES);
registerEnumType(SyncModeEnum, {
  name: 'SyncMode',
  description: 'UPSERT touches only the records sent; SNAPSHOT also ends what a scope no longer has.',
  valuesMap: {
    UPSERT: { description: 'Creates or updates the records sent; leaves every other record alone.' },
    SNAPSHOT: {
      description:
        "The batch is the source's whole list for its scope: what the source kept and did not send is ended.",
    },
  },
});
export const SyncStatusEnum = asEnum(SYNC_STATUSES);
registerEnumType(SyncStatusEnum, {
  name: 'SyncStatus',
  description: 'REJECTED: an atomic batch had a bad record, so nothing was written.',
  valuesMap: {
    COMPLETED: { description: 'Written; single records may still have been rejected (see results).' },
    REJECTED: { description: 'An atomic batch had a bad record, so nothing was written.' },
  },
});
export const SyncOutcomeEnum = asEnum(SYNC_OUTCOMES);
registerEnumType(SyncOutcomeEnum, {
  name: 'SyncOutcome',
  description: 'What a sync did with one record.',
  valuesMap: {
    CREATED: { description: 'A new record was written.' },
    UPDATED: { description: 'An existing record was changed.' },
    UNCHANGED: { description: 'The record already held these values; nothing was written.' },
    ENDED: { description: 'SNAPSHOT: a record of the source that the batch no longer has was ended.' },
    REJECTED: { description: 'Not written; errors say which field and why.' },
  },
});

@ObjectType({ description: 'Why one record was rejected.' })
export class SyncRecordError {
  @Field({ description: 'The record field at fault.' }) field!: string;
  @Field({ description: 'INVALID, DUPLICATE_IN_BATCH, UNKNOWN_CADRE, UNKNOWN_UNIT, OVERLAP, …' })
  code!: string;
  /** `message` is resolved per request in the caller's locale (SyncRecordErrorResolver). */
  message!: string;
  text?: ErrorText;
}

@ObjectType({ description: 'What happened to one record (or to one posting a SNAPSHOT ended).' })
export class SyncResult {
  @Field(() => Int, { description: 'The position in records; ENDED results come after the last record.' })
  index!: number;
  @Field(() => String, {
    nullable: true,
    description: "The record's key in the HR system (externalId or code); null when missing.",
  })
  externalId!: string | null;
  @Field(() => SyncOutcomeEnum, { description: 'What the run did with it.' }) outcome!: SyncOutcome;
  @Field(() => [SyncRecordError], { description: 'Why it was rejected; empty otherwise.' })
  errors!: SyncRecordError[];
}

@ObjectType({ description: "A page of a run's per-record results, in record order." })
export class SyncResultConnection extends Connection(SyncResult) {}

@ObjectType('SyncCounts', { description: 'How many records of a run had each outcome.' })
export class SyncCountsModel {
  @Field(() => Int, { description: 'Records in the batch.' }) received!: number;
  @Field(() => Int, { description: 'New records written.' }) created!: number;
  @Field(() => Int, { description: 'Existing records changed.' }) updated!: number;
  @Field(() => Int, { description: 'Records that already held these values.' }) unchanged!: number;
  @Field(() => Int, { description: 'SNAPSHOT: records of the source not in the batch, ended.' })
  ended!: number;
  @Field(() => Int, { description: 'Records not written; see results.' }) rejected!: number;
}

@ObjectType('SyncRun', { description: 'One sync call from an HR system, with a result per record.' })
export class SyncRun {
  @Field(() => ID, { description: "The run's id (UUID)." }) id!: string;
  @Field({ description: 'The HR system that sent it.' }) source!: string;
  @Field(() => SyncKindEnum, { description: 'Which records it carried.' }) kind!: SyncKind;
  @Field(() => SyncModeEnum, { description: 'UPSERT or SNAPSHOT.' }) mode!: SyncMode;
  @Field(() => SyncStatusEnum, { description: 'Completed, or rejected as a whole (atomic).' })
  status!: SyncStatus;
  @Field(() => String, {
    nullable: true,
    description: 'The key it was sent with; the same key returns this run.',
  })
  idempotencyKey!: string | null;
  @Field({ description: 'True when it computed the outcomes and wrote nothing but the run.' })
  dryRun!: boolean;
  @Field({ description: 'True when one rejected record rejected the whole batch.' }) atomic!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'SNAPSHOT: the unit whose subtree the batch is the whole list for; null for every unit.',
  })
  scopeUnitCode!: string | null;
  @Field(() => DateScalar, {
    description:
      "The run's date (default the day it ran); SNAPSHOT ends what was not sent the day before it.",
  })
  asOf!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it started.' }) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it finished.' }) finishedAt!: Date;
  @Field(() => SyncCountsModel, { name: 'counts', description: 'How many records had each outcome.' })
  counts!: SyncCountsModel;

  static from(r: SyncRunRow): SyncRun {
    return Object.assign(new SyncRun(), {
      id: r.id,
      source: r.source,
      kind: r.kind,
      mode: r.mode,
      status: r.status,
      idempotencyKey: r.idempotencyKey,
      dryRun: r.dryRun,
      atomic: r.atomic,
      scopeUnitCode: r.scopeUnitCode,
      asOf: r.asOf,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      counts: r.counts,
    });
  }
}

@ObjectType({ description: 'A page of sync runs, newest first.' })
export class SyncRunConnection extends Connection(SyncRun) {}
