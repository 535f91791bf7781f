import { errorText, unstorableErrorText } from '../i18n/errors';
import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryRunner } from 'typeorm';
import { TransactionRunner } from '../audit/transaction-runner';
import { Caller, Role } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';
import { unstorableReason, unstorableText } from '../common/text';
import { payloadHash } from '../common/payload-hash';
import { validateBatch } from './record-validation';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { findRunByKey, insertResults, insertRun, SyncRunRow } from './sync-run.store';
import { inSyncTransaction } from './sync-transaction';
import {
  Indexed,
  RecordError,
  RecordErrorCode,
  RecordResult,
  SyncContext,
  SyncCounts,
  SyncHandler,
  SyncMode,
} from './sync.types';

export interface SyncRequest {
  source: string;
  idempotencyKey?: string | null;
  mode?: SyncMode | null;
  dryRun?: boolean | null;
  atomic?: boolean | null;
  scopeUnitCode?: string | null;
  asOf?: string | null;
  records: readonly object[];
}

/** sync_result.external_id holds this much; a longer key is rejected anyway and reported cut short. */
const MAX_KEY = 200;

const BATCH_REJECTED: RecordError = {
  field: 'records',
  code: RecordErrorCode.BATCH_REJECTED,
  message: 'Not written: another record in this atomic batch was rejected.',
  text: errorText('sync.batchRejected'),
};

function countsOf(received: number, results: RecordResult[]): SyncCounts {
  const c: SyncCounts = { received, created: 0, updated: 0, unchanged: 0, ended: 0, rejected: 0 };
  for (const r of results) c[r.outcome.toLowerCase() as Exclude<keyof SyncCounts, 'received'>] += 1;
  return c;
}

/**
 * What every kind of sync shares: who may send, the batch limit, record checks, one locked transaction,
 * idempotency, atomic and dry runs, and the run record with one result per record.
 */
@Injectable()
export class SyncEngine {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    /** The service's metrics; the import command runs without. */
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async run<R extends object>(
    caller: Caller,
    handler: SyncHandler<R>,
    req: SyncRequest,
  ): Promise<SyncRunRow> {
    if (caller.role === Role.HR_SYNC && caller.source !== req.source) {
      throw DomainError.forbidden(errorText('access.ownSourceOnly', { source: caller.source ?? '-' }));
    }
    const [unstorable] = unstorableText(
      { source: req.source, idempotencyKey: req.idempotencyKey, scopeUnitCode: req.scopeUnitCode },
      { limit: 1 },
    );
    if (unstorable) {
      throw DomainError.badInput(unstorable.field, unstorable.message).withText(
        unstorableErrorText(unstorable.field, unstorable.message),
      );
    }
    if (!/^\S.{0,63}$/su.test(req.source)) {
      throw DomainError.badInput('source', errorText('sync.sourceFormat'));
    }
    const limit = this.config.SYNC_BATCH_LIMIT;
    if (req.records.length > limit) {
      throw DomainError.badInput(
        'records',
        errorText('sync.batchTooLarge', { limit, n: req.records.length }),
      );
    }
    const mode = req.mode ?? 'UPSERT';
    if (mode === 'SNAPSHOT' && handler.kind !== 'POSTINGS') {
      throw DomainError.badInput('mode', errorText('sync.snapshotPostingsOnly'));
    }
    if (mode === 'SNAPSHOT' && !req.scopeUnitCode) {
      throw DomainError.badInput('scopeUnitCode', errorText('sync.snapshotScope'));
    }
    const hash = payloadHash({
      kind: handler.kind,
      mode,
      dryRun: !!req.dryRun,
      atomic: !!req.atomic,
      scopeUnitCode: req.scopeUnitCode ?? null,
      asOf: req.asOf ?? null,
      records: req.records,
    });
    const { valid, rejected } = validateBatch(handler, req.records);
    const runId = randomUUID();
    const startedAt = new Date();
    const run = await inSyncTransaction(this.tx, caller, req.source, runId, async (qr) => {
      if (req.idempotencyKey) {
        const first = await findRunByKey(qr, req.source, req.idempotencyKey);
        if (first && first.payloadHash === hash) return first;
        if (first) {
          throw DomainError.conflict(
            'idempotencyKey',
            errorText('sync.idempotencyPayload', { key: req.idempotencyKey, run: first.id }),
          );
        }
      }
      const ctx: SyncContext = {
        qr,
        source: req.source,
        mode,
        asOf: req.asOf ?? today(),
        scopeUnitCode: req.scopeUnitCode ?? null,
        sentKeys: sentKeys(handler, req.records),
        takesOver: caller.role !== Role.HR_SYNC,
      };
      await handler.prepare?.(ctx);
      const results = await this.decide(ctx, handler, req, valid, rejected);
      const anyRejected = results.some((r) => r.outcome === 'REJECTED');
      const refused = !!req.atomic && anyRejected;
      if (!refused && !req.dryRun) await handler.apply(ctx);
      const final = refused ? results.filter((r) => r.outcome !== 'ENDED').map(toBatchRejected) : results;
      return this.record(qr, final, {
        id: runId,
        source: req.source,
        kind: handler.kind,
        mode,
        status: refused ? 'REJECTED' : 'COMPLETED',
        idempotencyKey: req.idempotencyKey ?? null,
        payloadHash: hash,
        dryRun: !!req.dryRun,
        atomic: !!req.atomic,
        scopeUnitCode: ctx.scopeUnitCode,
        asOf: ctx.asOf,
        startedAt,
        counts: countsOf(req.records.length, final),
        createdBy: caller.sub,
      });
    });
    // committed, and not a replay of an earlier run (idempotency key)
    if (this.metrics && run.id === runId) this.countRecords(this.metrics, run);
    return run;
  }

  private countRecords(metrics: Metrics, run: SyncRunRow): void {
    const { received: _received, ...byOutcome } = run.counts;
    for (const [outcome, n] of Object.entries(byOutcome)) {
      if (n > 0) {
        metrics.syncRecords.inc(
          { kind: run.kind, outcome: outcome.toUpperCase(), dry_run: String(run.dryRun) },
          n,
        );
      }
    }
  }

  /** One result per record in record order, then one per posting a SNAPSHOT ends. */
  private async decide<R extends object>(
    ctx: SyncContext,
    handler: SyncHandler<R>,
    req: SyncRequest,
    valid: Indexed<R>[],
    rejected: Map<number, RecordError[]>,
  ): Promise<RecordResult[]> {
    const { results: staged, ended } = await handler.classify(ctx, valid);
    const byIndex = new Map(staged.map((r) => [r.index, r]));
    const results = req.records.map((plain, index): RecordResult => {
      const errors = rejected.get(index);
      const key = (plain as Record<string, unknown>)[handler.keyField];
      const externalId = typeof key === 'string' ? reportedKey(key) : null;
      if (errors) return { index, externalId, outcome: 'REJECTED', errors };
      return byIndex.get(index) ?? { index, externalId, outcome: 'UNCHANGED', errors: [] };
    });
    ended.forEach((externalId, i) =>
      results.push({ index: req.records.length + i, externalId, outcome: 'ENDED', errors: [] }),
    );
    return results;
  }

  private async record(
    qr: QueryRunner,
    results: RecordResult[],
    run: Omit<SyncRunRow, 'finishedAt'>,
  ): Promise<SyncRunRow> {
    const row = await insertRun(qr, run);
    await insertResults(qr, row.id, results);
    return row;
  }
}

/** The key as a result reports it: cut to MAX_KEY (never inside a surrogate pair); null if unstorable. */
function reportedKey(key: string): string | null {
  if (unstorableReason('key', key)) return null;
  const cut = key.slice(0, MAX_KEY);
  return /[\ud800-\udbff]$/u.test(cut) ? cut.slice(0, -1) : cut;
}

function sentKeys<R extends object>(handler: SyncHandler<R>, records: readonly object[]): string[] {
  return records
    .map((r) => (r as Record<string, unknown>)[handler.keyField])
    .filter((k): k is string => typeof k === 'string' && !unstorableReason('key', k));
}

function toBatchRejected(r: RecordResult): RecordResult {
  if (r.outcome === 'REJECTED') return r;
  return { ...r, outcome: 'REJECTED', errors: [BATCH_REJECTED] };
}
