import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { severityRankSql } from '../rules/codes';
import { flagSpansOnly } from '../rules/spans/pathway-spans.sql';

export interface FlagEventsResult {
  day: string;
  started: number;
  ended: number;
  /** The first run only records which flags hold: it sends no event for every flag of the province. */
  initialised: boolean;
}

// One run at a time, whichever instance's job or caller starts it.
const FLAG_EVENTS_LOCK = 4_217_020;

/**
 * flag.started and flag.ended: the flags holding on `day` (from rule_span) compared, set-based, with those the
 * previous run saw (webhook_flag_state). A flag that starts on a date with no write that day is reported the
 * day it starts, and so is one a write caused (recorded today, holding from an earlier date). One statement
 * writes the events (fanned out to deliveries by webhook_event's trigger) and the new state.
 */
@Injectable()
export class FlagEventsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async run(day: string): Promise<FlagEventsResult> {
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [FLAG_EVENTS_LOCK]);
      const [last] = await em.query<{ day: string }[]>(
        `SELECT to_char(last_day, 'YYYY-MM-DD') AS day FROM webhook_flag_run`,
      );
      // A day before the last run's is not gone back to: its events were sent (or it was the first run's).
      if (last && day < last.day) return { day, started: 0, ended: 0, initialised: false };
      const emit = last !== undefined;
      const [counts] = await em.query<{ started: number; ended: number }[]>(
        `WITH held AS MATERIALIZED (
           SELECT s.cadre_id, s.rule_id, s.code, coalesce(s.domain, '') AS domain,
                  (array_agg(s.severity ORDER BY ${severityRankSql('s.severity')} DESC))[1] AS severity
             FROM rule_span s
            WHERE s.valid @> $1::date AND ${flagSpansOnly('s')}
            GROUP BY 1, 2, 3, 4),
         started AS (
           SELECT h.* FROM held h
            WHERE NOT EXISTS (SELECT 1 FROM webhook_flag_state f
                               WHERE (f.cadre_id, f.rule_id, f.code, f.domain) = (h.cadre_id, h.rule_id, h.code, h.domain))),
         ended AS (
           SELECT f.* FROM webhook_flag_state f
            WHERE NOT EXISTS (SELECT 1 FROM held h
                               WHERE (f.cadre_id, f.rule_id, f.code, f.domain) = (h.cadre_id, h.rule_id, h.code, h.domain))),
         events AS (
           INSERT INTO webhook_event (event, unit_id, payload)
           SELECT x.event, webhook_cadre_unit(x.cadre_id, $1::date),
                  jsonb_build_object('cadreId', x.cadre_id, 'ruleId', x.rule_id, 'code', x.code,
                                     'severity', x.severity, 'domain', nullif(x.domain, ''), 'on', $1::date)
             FROM (SELECT 'flag.started' AS event, cadre_id, rule_id, code, domain, severity FROM started
                   UNION ALL
                   SELECT 'flag.ended', cadre_id, rule_id, code, domain, NULL FROM ended) x
            WHERE $2::boolean
           RETURNING 1),
         gone AS (
           DELETE FROM webhook_flag_state f USING ended e
            WHERE (f.cadre_id, f.rule_id, f.code, f.domain) = (e.cadre_id, e.rule_id, e.code, e.domain)
           RETURNING 1),
         added AS (
           INSERT INTO webhook_flag_state (cadre_id, rule_id, code, domain)
           SELECT cadre_id, rule_id, code, domain FROM started
           RETURNING 1)
         SELECT (SELECT count(*) FROM started)::int AS started, (SELECT count(*) FROM ended)::int AS ended,
                (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM gone)::int AS gone,
                (SELECT count(*) FROM added)::int AS added`,
        [day, emit],
      );
      await em.query(
        `INSERT INTO webhook_flag_run (singleton, last_day) VALUES (true, $1)
         ON CONFLICT (singleton) DO UPDATE SET last_day = EXCLUDED.last_day, ran_at = now()`,
        [day],
      );
      return { day, started: counts.started, ended: counts.ended, initialised: !emit };
    });
  }
}
