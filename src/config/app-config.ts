import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** Environment variables, validated once at boot. A bad value stops start-up with a message naming it. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** postgres://… ; when unset an embedded PostgreSQL is started under DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** RS256: the PEM public key of an identity provider (or a path to a PEM file); HS256 tokens still work. */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DB_POOL_SIZE = 10;

  get dataDir(): string {
    return resolve(this.DATA_DIR);
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** Every variable AppConfig reads (optional ones have no initializer, so they cannot be discovered). */
export const CONFIG_KEYS = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'MIGRATIONS_RUN',
  'JWT_SECRET',
  'JWT_PUBLIC_KEY',
  'DB_POOL_SIZE',
] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known: string[] = [...CONFIG_KEYS];
  const picked = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''),
  );
  const config = plainToInstance(AppConfig, picked);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
