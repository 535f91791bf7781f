import { QueryRunner } from 'typeorm';
import { ErrorText } from '../i18n/errors';

export const SYNC_KINDS = ['UNITS', 'CADRES', 'POSTINGS', 'RANKS', 'SANCTIONS', 'POSTS'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
export const SYNC_MODES = ['UPSERT', 'SNAPSHOT'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];
export const SYNC_STATUSES = ['COMPLETED', 'REJECTED'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];
export const SYNC_OUTCOMES = ['CREATED', 'UPDATED', 'UNCHANGED', 'ENDED', 'REJECTED'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/** Why one record was rejected; `code` is one of the RecordErrorCode values. */
export interface RecordError {
  field: string;
  code: string;
  /** In English, as stored; `text` gives it in the reader's locale (else the code's sentence). */
  message: string;
  text?: ErrorText;
}

export enum RecordErrorCode {
  INVALID = 'INVALID',
  DUPLICATE_IN_BATCH = 'DUPLICATE_IN_BATCH',
  UNKNOWN_CADRE = 'UNKNOWN_CADRE',
  UNKNOWN_UNIT = 'UNKNOWN_UNIT',
  UNKNOWN_PARENT = 'UNKNOWN_PARENT',
  UNKNOWN_LEVEL = 'UNKNOWN_LEVEL',
  PARENT_CYCLE = 'PARENT_CYCLE',
  OVERLAP = 'OVERLAP',
  /** The unit or cadre is kept by another HR source or by the service's own users: this source may not change it. */
  OWNED_BY_OTHER_SOURCE = 'OWNED_BY_OTHER_SOURCE',
  BATCH_REJECTED = 'BATCH_REJECTED',
  /** Another post of the unit has this title. */
  TITLE_TAKEN = 'TITLE_TAKEN',
  /** A post with postings cannot move to another unit. */
  POST_HAS_POSTINGS = 'POST_HAS_POSTINGS',
}

export interface SyncCounts {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  ended: number;
  rejected: number;
}

/** The outcome of one record, or of one posting a SNAPSHOT ended. */
export interface RecordResult {
  index: number;
  externalId: string | null;
  outcome: SyncOutcome;
  errors: RecordError[];
}

export interface Indexed<R> {
  index: number;
  record: R;
}

/** What a kind of sync sees while it runs: one transaction, with the batch's settings. */
export interface SyncContext {
  qr: QueryRunner;
  source: string;
  mode: SyncMode;
  asOf: string;
  scopeUnitCode: string | null;
  /** Every key the batch sent, rejected records included: a SNAPSHOT ends only what was not sent. */
  sentKeys: string[];
  /**
   * False for an HR system: it changes only the units and cadres its source keeps. True for an ADMIN sending
   * on a source's behalf: what it writes passes to that source (how existing records are handed to one).
   */
  takesOver: boolean;
}

/** The per-kind part of a sync; the engine does validation, locking, idempotency and the run record. */
export interface SyncHandler<R extends object> {
  kind: SyncKind;
  /** The class whose class-validator rules check one record. */
  recordClass: new () => R;
  /** The record's key in the HR system, unique within a batch, and the field that holds it. */
  key(record: R): string;
  keyField: string;
  /** Checks across fields that decorators cannot express (e.g. end ≥ start). */
  check(record: R): RecordError[];
  /** Rejections that need the whole batch (e.g. parent cycles among units). */
  checkBatch?(records: Indexed<R>[]): Map<number, RecordError[]>;
  /** Whole-input checks before staging (e.g. the SNAPSHOT scope exists); throws a DomainError. */
  prepare?(ctx: SyncContext): Promise<void>;
  /** Stages the valid records and classifies them; returns the staged records' results and any ENDED. */
  classify(ctx: SyncContext, records: Indexed<R>[]): Promise<{ results: RecordResult[]; ended: string[] }>;
  /** Writes what classify decided, with set-based statements over the staged rows. */
  apply(ctx: SyncContext): Promise<void>;
}
