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

@ObjectType()
export class SyncRecordError {
  @Field({ description: 'The record field at fault.' }) field!: string;
  @Field({ description: 'INVALID, DUPLICATE_IN_BATCH, UNKNOWN_CADRE, UNKNOWN_UNIT, OVERLAP, …' })
  code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'What happened to one record (or to one posting a SNAPSHOT ended).' })
export class SyncResult {
  @Field(() => Int, { description: 'The position in records; ENDED results come after the last record.' })
  index!: number;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => SyncOutcomeEnum) outcome!: SyncOutcome;
  @Field(() => [SyncRecordError]) errors!: SyncRecordError[];
}

@ObjectType()
export class SyncResultConnection extends Connection(SyncResult) {}

@ObjectType('SyncCounts')
export class SyncCountsModel {
  @Field(() => Int) received!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) ended!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType('SyncRun', { description: 'One sync call from an HR system, with a result per record.' })
export class SyncRun {
  @Field(() => ID) id!: string;
  @Field() source!: string;
  @Field(() => SyncKindEnum) kind!: SyncKind;
  @Field(() => SyncModeEnum) mode!: SyncMode;
  @Field(() => SyncStatusEnum) status!: SyncStatus;
  @Field(() => String, { nullable: true }) idempotencyKey!: string | null;
  @Field() dryRun!: boolean;
  @Field() atomic!: boolean;
  @Field(() => String, { nullable: true }) scopeUnitCode!: string | null;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime) finishedAt!: Date;
  @Field(() => SyncCountsModel, { name: 'counts' }) counts!: SyncCountsModel;

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

@ObjectType()
export class SyncRunConnection extends Connection(SyncRun) {}
