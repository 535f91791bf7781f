import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

// DATE columns stay 'YYYY-MM-DD' strings: no time-zone drift between server, driver and client.
types.setTypeParser(1082, (v: string) => v);
// count(*) and other int8 values fit comfortably in a JS number here.
types.setTypeParser(20, (v: string) => Number(v));

const root = join(__dirname, '..', '..');

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize,
    extra: { application_name: 'cadre-pathways' },
  };
}
