import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Caller, Role } from '../caller';

/** The HR source the docs' examples use (`--source hr-main`): offered even before its first sync. */
export const DEMO_SOURCE = 'hr-main';
/** How many units and cadres the development page lists at most. */
const LISTED = 20;

/** One identity the development sign-in page offers. */
export interface DevIdentity {
  role: Role;
  /** ORG_DEPT: the unit's code; CADRE: the cadre's external id; HR_SYNC: the source; ADMIN: none. */
  key?: string;
  /** The unit's or cadre's name, for the list. */
  name?: string;
}

/** What a sign-in names: a role and the unit (code or id), cadre (external id or id) or source it needs. */
export interface SignInClaim {
  role: Role;
  unit?: string;
  cadre?: string;
  source?: string;
}

/**
 * Turns what a sign-in names into a caller, only for units, cadres and sources that exist (one indexed
 * lookup), and lists the demo identities of the development page. Shared by the development page and OIDC.
 */
@Injectable()
export class SignInIdentities {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The caller for `claim` with subject `sub`, or undefined when its unit, cadre or source is unknown. */
  async resolve(sub: string, claim: SignInClaim): Promise<Caller | undefined> {
    const caller: Caller = { sub, role: claim.role };
    switch (claim.role) {
      case Role.ADMIN:
        return caller;
      case Role.ORG_DEPT: {
        const id = claim.unit && (await this.idOf('unit', 'code', claim.unit));
        return id ? { ...caller, unitId: id } : undefined;
      }
      case Role.CADRE: {
        const id = claim.cadre && (await this.idOf('cadre', 'external_id', claim.cadre));
        return id ? { ...caller, cadreId: id } : undefined;
      }
      case Role.HR_SYNC:
        return claim.source && (await this.sourceKnown(claim.source))
          ? { ...caller, source: claim.source }
          : undefined;
    }
  }

  /** ADMIN, the top two levels of governments (the city and its counties), the demo cadres, the known sources. */
  async devIdentities(): Promise<DevIdentity[]> {
    const units: { code: string; name: string }[] = await this.ds.query(
      `SELECT code, name FROM unit WHERE kind = 'GOVERNMENT' AND nlevel(path) <= 2 ORDER BY path LIMIT $1`,
      [LISTED],
    );
    const cadres: { external_id: string; name: string }[] = await this.ds.query(
      `SELECT external_id, name FROM cadre WHERE external_id IS NOT NULL
        ORDER BY external_id NOT LIKE 'DEMO-%', external_id LIMIT $1`,
      [LISTED],
    );
    const sources: { source: string }[] = await this.ds.query(
      `SELECT source FROM (SELECT DISTINCT source FROM sync_run UNION SELECT $1) s ORDER BY source LIMIT $2`,
      [DEMO_SOURCE, LISTED],
    );
    return [
      { role: Role.ADMIN },
      ...units.map((u) => ({ role: Role.ORG_DEPT, key: u.code, name: u.name })),
      ...cadres.map((c) => ({ role: Role.CADRE, key: c.external_id, name: c.name })),
      ...sources.map((s) => ({ role: Role.HR_SYNC, key: s.source })),
    ];
  }

  private async idOf(table: 'unit' | 'cadre', key: string, value: string): Promise<string | undefined> {
    const column = isUUID(value) ? 'id' : key;
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM ${table} WHERE ${column} = $1${column === 'id' ? '::uuid' : ''} LIMIT 1`,
      [value],
    );
    return rows[0]?.id;
  }

  /** A source that has run a sync (every record a source owns came through one), or the demo source. */
  private async sourceKnown(source: string): Promise<boolean> {
    if (source === DEMO_SOURCE) return true;
    const rows: unknown[] = await this.ds.query(`SELECT 1 FROM sync_run WHERE source = $1 LIMIT 1`, [source]);
    return rows.length > 0;
  }
}
