import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from '../database/database-runtime';
import { Caller, Role } from './caller';
import { resolveTokenOptions } from './token-options';
import { TokenService } from './token.service';

const USAGE = `Usage: npm run token -- --role ADMIN|ORG_DEPT|CADRE|HR_SYNC [--unit <unit id or code>] [--cadre <cadre id or external id>] [--source <name>] [--sub <subject>] [--ttl 8h (at most JWT_MAX_TTL_SECONDS)]`;

async function lookup(table: 'unit' | 'cadre', keyColumn: string, value: string): Promise<string> {
  if (isUUID(value)) return value;
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${keyColumn} = $1`, [
      value,
    ]);
    if (!rows[0]) throw new Error(`No ${table} with ${keyColumn} ${value}.`);
    return rows[0].id;
  } finally {
    await client.end();
    await db.embedded?.stop();
  }
}

/** Prints a signed token for local use, with the same secret the service uses. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      cadre: { type: 'string' },
      source: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const tokens = new TokenService(new JwtService({}), resolveTokenOptions(loadConfig()));
  const role = values.role as Role | undefined;
  if (!role || !Object.values(Role).includes(role)) throw new Error(USAGE);
  const caller: Caller = { sub: values.sub ?? `local-${role.toLowerCase()}`, role };
  if (role === Role.ORG_DEPT) {
    if (!values.unit) throw new Error(`ORG_DEPT needs --unit.\n${USAGE}`);
    caller.unitId = await lookup('unit', 'code', values.unit);
  }
  if (role === Role.CADRE) {
    if (!values.cadre) throw new Error(`CADRE needs --cadre.\n${USAGE}`);
    caller.cadreId = await lookup('cadre', 'external_id', values.cadre);
  }
  if (role === Role.HR_SYNC) {
    if (!values.source) throw new Error(`HR_SYNC needs --source.\n${USAGE}`);
    caller.source = values.source;
  }
  process.stdout.write(`${tokens.sign(caller, values.ttl)}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
