import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { isIsoDate, today } from '../common/graphql/date.scalar';
import { PublishPolicyInput } from './dto/publish-policy.input';
import { validatePolicyDocument } from './policy-validation';
import { PolicyVersionRecord } from './policy.model';
import { PolicyDocument } from './policy.types';
import { queryReplica } from '../database/replica';

/** The policy an evaluation used: every flag and pathway reports `version`. */
export interface PolicyInForce {
  version: number;
  effectiveFrom: string;
  document: PolicyDocument;
}

interface Row {
  version: number;
  effective_from: string;
  published_at: Date;
  published_by: string | null;
  note: string | null;
  document: PolicyDocument;
}

// Serialises publishers so two cannot both read the same "latest" version.
const PUBLISH_LOCK = 4_217_003;

const toRecord = (r: Row): PolicyVersionRecord => ({
  version: r.version,
  effectiveFrom: r.effective_from,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  note: r.note,
  document: r.document,
});

@Injectable()
export class PolicyService {
  /** Versions never change once stored (a trigger forbids it), so a document can be cached by version. */
  private readonly cache = new Map<number, PolicyVersionRecord>();
  /**
   * Lookups in flight, by date: `me { flags pathway }` asks for the policy of the same day twice at once (the
   * flags and the pathway); the second joins the first instead of sending the statement again. Entries leave
   * as soon as the read settles: nothing is cached, so a version published meanwhile counts from the next read.
   */
  private readonly inflight = new Map<string, Promise<PolicyVersionRecord>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  /** The version in force on asOf: the latest with effective_from ≤ asOf. */
  async forDate(asOf: string): Promise<PolicyInForce> {
    const r = await this.recordFor(asOf);
    return { version: r.version, effectiveFrom: r.effectiveFrom, document: r.document };
  }

  async get(_caller: Caller, asOf: string): Promise<PolicyVersionRecord> {
    return this.recordFor(asOf);
  }

  async publish(caller: Caller, input: PublishPolicyInput): Promise<PolicyVersionRecord> {
    if (!isIsoDate(input.effectiveFrom)) {
      throw DomainError.badInput('effectiveFrom', errorText('input.dateFormat', { field: 'effectiveFrom' }));
    }
    if (input.effectiveFrom < today()) {
      throw DomainError.badInput('effectiveFrom', errorText('policy.pastEffective'));
    }
    const levels: { code: string }[] = await this.ds.query(`SELECT code FROM position_level`);
    const document = validatePolicyDocument(input.document, new Set(levels.map((l) => l.code)));
    return this.tx.run(caller, async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [PUBLISH_LOCK]);
      const [latest]: { version: number; effective_from: string }[] = await em.query(
        `SELECT version, effective_from FROM policy_version ORDER BY version DESC LIMIT 1`,
      );
      if (latest && input.effectiveFrom <= latest.effective_from) {
        throw DomainError.conflict(
          'effectiveFrom',
          errorText('policy.overlap', { version: latest.version, date: latest.effective_from }),
        );
      }
      const [row]: Row[] = await em.query(
        `INSERT INTO policy_version (version, effective_from, document, note, published_by)
         VALUES ($1, $2, $3::jsonb, $4, $5)
         RETURNING version, effective_from, published_at, published_by, note, document`,
        [
          (latest?.version ?? 0) + 1,
          input.effectiveFrom,
          JSON.stringify(document),
          input.note ?? null,
          caller.sub,
        ],
      );
      return toRecord(row);
    });
  }

  private recordFor(asOf: string): Promise<PolicyVersionRecord> {
    let read = this.inflight.get(asOf);
    if (!read) {
      read = this.readRecordFor(asOf).finally(() => this.inflight.delete(asOf));
      this.inflight.set(asOf, read);
    }
    return read;
  }

  private async readRecordFor(asOf: string): Promise<PolicyVersionRecord> {
    const [head] = await queryReplica<{ version: number }>(
      this.ds,
      `SELECT version FROM policy_version WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
      [asOf],
    );
    if (!head) throw DomainError.badInput('asOf', errorText('policy.noneInForce', { date: asOf }));
    return (await this.byVersion(head.version))!;
  }

  /** One stored version by its number (cached: versions never change); undefined when there is none. */
  async byVersion(version: number): Promise<PolicyVersionRecord | undefined> {
    const cached = this.cache.get(version);
    if (cached) return cached;
    const [row] = await queryReplica<Row>(
      this.ds,
      `SELECT version, effective_from, published_at, published_by, note, document
         FROM policy_version WHERE version = $1`,
      [version],
    );
    if (!row) return undefined;
    const record = toRecord(row);
    this.cache.set(record.version, record);
    return record;
  }
}
