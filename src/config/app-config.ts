import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsByteLength,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  Validate,
  validateSync,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { resolve } from 'node:path';
import { JSON_BODY_LIMIT } from '../sync/sync.constants';
import { DEFAULT_TIME_ZONE, isTimeZone, setServiceTimeZone } from '../common/graphql/date.scalar';

@ValidatorConstraint({ name: 'isTimeZoneName' })
class IsTimeZoneName implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isTimeZone(value);
  }
  defaultMessage(): string {
    return 'must be an IANA time zone name such as Asia/Shanghai or UTC';
  }
}

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** An ID token claim's name: letters, digits and `_ : . / -`, as identity providers spell them. */
const ClaimName = (): PropertyDecorator =>
  Matches(/^[\w:./-]{1,100}$/, { message: ({ property }) => `${property} must be a claim name` });

/** Environment variables, validated once at boot. A bad value stops start-up with a message naming it. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /**
   * postgres://… of the role the service connects as (a member of cadre_app, owning nothing); when unset an
   * embedded PostgreSQL is started under DATA_DIR (in production only with EMBEDDED_POSTGRES=true).
   */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** postgres://… of the role that owns the schema and runs migrations; default DATABASE_URL (one role). */
  @IsOptional()
  @IsString()
  MIGRATION_DATABASE_URL?: string;

  /**
   * postgres://… of streaming replicas of DATABASE_URL's server (same login role), comma-separated. Reads that
   * tolerate replica lag (lists, candidate pools, exports, policy) go to one of them; writes and reads of what
   * a caller just wrote stay on the primary. Unset: every statement goes to DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^\s*postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*\s*$/, {
    message: 'DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas',
  })
  DATABASE_REPLICA_URLS?: string;

  /**
   * Named (server-side) prepared statements for the few fixed-shape statements planned once per connection
   * (src/database/generic-plan.ts). Direct connections and PgBouncer ≥ 1.21 with max_prepared_statements > 0
   * support them; behind PgBouncer < 1.21 in transaction mode (Debian 12 ships 1.18), or with
   * max_prepared_statements = 0, set false: every statement is then sent unnamed.
   */
  @Transform(toBool)
  @IsBoolean()
  DB_PREPARED_STATEMENTS = true;

  /** Production without DATABASE_URL refuses to start unless this is true: then the embedded server runs. */
  @Transform(toBool)
  @IsBoolean()
  EMBEDDED_POSTGRES = false;

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

  /** HS256 key of our own tokens; the HMAC is only as strong as its key, hence the 32 bytes. */
  @IsOptional()
  @IsString()
  @IsByteLength(32, undefined, { message: 'JWT_SECRET must be at least 32 bytes' })
  JWT_SECRET?: string;

  /** RS256: the PEM public key of an identity provider (or a path to a PEM file); HS256 tokens still work. */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  /** An identity provider's JSON Web Key Set (RS256/ES256 keys by kid); fetched when first needed, then cached. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'JWT_JWKS_URL must be an http(s) URL' },
  )
  JWT_JWKS_URL?: string;

  /** The `aud` every token must carry (ours are signed with it); required in production. */
  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** The `iss` every token must carry (ours are signed with it); required in production. */
  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  /** OpenID Connect sign-in: the identity provider's issuer URL (discovery); unset, no OIDC sign-in. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'OIDC_ISSUER must be an http(s) URL' },
  )
  OIDC_ISSUER?: string;

  /** This service's client id at the identity provider; required with OIDC_ISSUER. */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  /** The client secret; unset for a public client (PKCE alone). */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** Where the identity provider sends the browser back: this service's /auth/callback; required with OIDC_ISSUER. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'OIDC_REDIRECT_URI must be an http(s) URL' },
  )
  OIDC_REDIRECT_URI?: string;

  /** Scopes asked for (space-separated; openid is always asked). */
  @IsString()
  @Matches(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, {
    message: 'OIDC_SCOPES must be scope names separated by single spaces',
  })
  OIDC_SCOPES = 'openid';

  /** The ID token claim naming the role (ADMIN, ORG_DEPT, CADRE or HR_SYNC). */
  @ClaimName()
  OIDC_ROLE_CLAIM = 'cadre_role';

  /** The claim naming an ORG_DEPT caller's unit (its code or id). */
  @ClaimName()
  OIDC_UNIT_CLAIM = 'cadre_unit';

  /** The claim naming a CADRE caller's own record (its external id or id). */
  @ClaimName()
  OIDC_CADRE_CLAIM = 'cadre_id';

  /** The claim naming an HR_SYNC caller's source. */
  @ClaimName()
  OIDC_SOURCE_CLAIM = 'cadre_source';

  /** Life of the service's own token issued at sign-in (OIDC and development), seconds; at most JWT_MAX_TTL_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(2_592_000)
  SIGN_IN_TTL_SECONDS = 28_800;

  /** Longest life (exp − iat) of an HS256 token; `npm run token` signs for 8 h, or this if shorter. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(2_592_000)
  JWT_MAX_TTL_SECONDS = 86_400;

  /** Clock skew allowed to an issuer whose clock runs ahead: how far in the future nbf and iat may be. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  JWT_CLOCK_TOLERANCE_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DB_POOL_SIZE = 10;

  /**
   * Memory for the answers of the expensive lists, kept until the data they were read from changes
   * (src/database/answer-cache.ts); 0 keeps none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1024)
  ANSWER_CACHE_MB = 16;

  /** Any one SQL statement longer than this is cancelled (PostgreSQL statement_timeout). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  /** A GraphQL request not answered by then gets TIMEOUT (its statements are cancelled by the statement timeout). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Records per syncUnits/syncCadres/syncPostings call; a larger batch is BAD_USER_INPUT. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SYNC_BATCH_LIMIT = 10_000;

  /** SIGTERM: how long in-flight requests may take to finish before the process exits anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 15_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 10;

  /** Estimated cost: 1 a field, times `first` (or 10 for an unpaged list) below a list. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  GRAPHQL_MAX_COST = 50_000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  GRAPHQL_MAX_ALIASES = 50;

  /** GraphQL operations one token (or, without one, one address) may run per RATE_LIMIT_WINDOW_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT_MAX = 1_200;

  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  RATE_LIMIT_WINDOW_MS = 60_000;

  /** Where the rate-limit counters live: per instance, or in the app's PostgreSQL (shared by instances). */
  @IsIn(['memory', 'postgres'])
  RATE_LIMIT_STORE: 'memory' | 'postgres' = 'memory';

  /** Bytes a /graphql or /export request body may have without an HR_SYNC or ADMIN token. */
  @Transform(toInt)
  @IsInt()
  @Min(1_024)
  @Max(1_073_741_824)
  BODY_LIMIT = 65_536;

  /** Bytes an HR_SYNC or ADMIN request body may have (a full sync batch); also Fastify's outer bound. */
  @Transform(toInt)
  @IsInt()
  @Min(1_024)
  @Max(1_073_741_824)
  SYNC_BODY_LIMIT = JSON_BODY_LIMIT;

  /**
   * Behind a reverse proxy, the client address is taken from X-Forwarded-For (Fastify trustProxy): the
   * proxies' addresses or CIDRs, comma-separated ('loopback', '10.0.0.0/8'; the first address from the right
   * that is not one of them is the client's), or true to trust every hop (only when the proxy overwrites
   * X-Forwarded-For: a client can put any address first). Default false: the peer's address.
   */
  @IsString()
  @Matches(/^(true|false|[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false or a comma-separated list of proxy addresses/CIDRs',
  })
  TRUST_PROXY = 'false';

  /** The Chromium that prints the appointment form as PDF (headless, one at a time). */
  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** A PDF rendering running longer is killed and the request fails with TIMEOUT. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(120_000)
  PDF_TIMEOUT_MS = 15_000;

  /** PDF requests that may wait while one renders; more are refused with TOO_MANY_REQUESTS. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  PDF_QUEUE_MAX = 4;

  /**
   * Folder holding pg_dump and pg_restore for `npm run backup` / `npm run restore`; default: the first of the
   * embedded server's binaries, /usr/lib/postgresql/<major>/bin, /usr/pgsql-<major>/bin and PATH whose major
   * is at least the server's.
   */
  @IsOptional()
  @IsString()
  PG_BIN_DIR?: string;

  /**
   * The bearer token a Prometheus scraper sends to GET /metrics; unset: no /metrics (404). At least 16 bytes:
   * anyone holding it sees operation names and volumes.
   */
  @IsOptional()
  @IsString()
  @IsByteLength(16, undefined, { message: 'METRICS_TOKEN must be at least 16 bytes' })
  METRICS_TOKEN?: string;

  /**
   * OpenTelemetry: when set, traces (HTTP request → GraphQL operation → SQL statements) are sent over OTLP/HTTP
   * (protobuf) to this collector (its base URL; /v1/traces is added). Read before the app loads (tracing.ts).
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The service.name traces carry; default cadre-pathways. */
  @IsOptional()
  @IsString()
  OTEL_SERVICE_NAME?: string;

  /**
   * Whether this instance sends webhook deliveries and runs the daily flag job (pg-boss workers); default true.
   * An API-only instance sets false; events and deliveries are still written with every change.
   */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOKS_WORKER = true;

  /** How long a receiver has to answer one delivery. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  /** Retries after a failed delivery (exponential backoff from WEBHOOK_RETRY_DELAY_SECONDS), then DEAD. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(20)
  WEBHOOK_RETRY_LIMIT = 8;

  /** The first retry's delay; each later one doubles it (pg-boss retryBackoff). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WEBHOOK_RETRY_DELAY_SECONDS = 30;

  /** How often the relay and the workers look for work. */
  @Transform(toInt)
  @IsNumber()
  @Min(0.5)
  @Max(60)
  WEBHOOK_POLL_SECONDS = 2;

  /** When the flag job runs (cron, in TZ); default 01:05 every day; `off`: never (run it another way). */
  @IsString()
  @Matches(/^(off|\S+( \S+){4})$/, {
    message: 'WEBHOOK_FLAG_CRON must be a five-field cron expression or off',
  })
  WEBHOOK_FLAG_CRON = '5 1 * * *';

  /** Receivers may be on private networks (an intranet deployment); default false: public addresses only. */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_URLS = false;

  /** pino level; default info (error under NODE_ENV=test). */
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

  /**
   * IANA time zone whose calendar date is "today" (the default asOf of every query); default Asia/Shanghai, so
   * a query at 07:00 in Beijing reads that day, not UTC's previous one. Also Node's own TZ variable.
   */
  @Validate(IsTimeZoneName)
  TZ = DEFAULT_TIME_ZONE;

  get dataDir(): string {
    return resolve(this.DATA_DIR);
  }

  get logLevel(): string {
    return this.LOG_LEVEL ?? (this.NODE_ENV === 'test' ? 'error' : 'info');
  }

  /** TRUST_PROXY as Fastify's trustProxy option. */
  get trustProxy(): boolean | string {
    return this.TRUST_PROXY === 'true' ? true : this.TRUST_PROXY === 'false' ? false : this.TRUST_PROXY;
  }

  /** DATABASE_REPLICA_URLS as a list (empty when unset). */
  get replicaUrls(): string[] {
    return (this.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
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
  'MIGRATION_DATABASE_URL',
  'DATABASE_REPLICA_URLS',
  'DB_PREPARED_STATEMENTS',
  'EMBEDDED_POSTGRES',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'MIGRATIONS_RUN',
  'JWT_SECRET',
  'JWT_PUBLIC_KEY',
  'JWT_JWKS_URL',
  'JWT_AUDIENCE',
  'JWT_ISSUER',
  'JWT_MAX_TTL_SECONDS',
  'JWT_CLOCK_TOLERANCE_SECONDS',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_SCOPES',
  'OIDC_ROLE_CLAIM',
  'OIDC_UNIT_CLAIM',
  'OIDC_CADRE_CLAIM',
  'OIDC_SOURCE_CLAIM',
  'SIGN_IN_TTL_SECONDS',
  'DB_POOL_SIZE',
  'ANSWER_CACHE_MB',
  'DB_STATEMENT_TIMEOUT_MS',
  'REQUEST_TIMEOUT_MS',
  'SHUTDOWN_TIMEOUT_MS',
  'SYNC_BATCH_LIMIT',
  'GRAPHQL_MAX_DEPTH',
  'GRAPHQL_MAX_COST',
  'GRAPHQL_MAX_ALIASES',
  'RATE_LIMIT_MAX',
  'RATE_LIMIT_WINDOW_MS',
  'RATE_LIMIT_STORE',
  'BODY_LIMIT',
  'SYNC_BODY_LIMIT',
  'TRUST_PROXY',
  'CHROMIUM_PATH',
  'PDF_TIMEOUT_MS',
  'PDF_QUEUE_MAX',
  'PG_BIN_DIR',
  'METRICS_TOKEN',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
  'LOG_LEVEL',
  'TZ',
  'WEBHOOKS_WORKER',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOK_RETRY_LIMIT',
  'WEBHOOK_RETRY_DELAY_SECONDS',
  'WEBHOOK_POLL_SECONDS',
  'WEBHOOK_FLAG_CRON',
  'WEBHOOK_ALLOW_PRIVATE_URLS',
] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known: string[] = [...CONFIG_KEYS];
  const picked = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''),
  );
  const config = plainToInstance(AppConfig, picked);
  const errors = validateSync(config, { whitelist: true });
  const lines = errors.map(
    (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (config.isProduction) lines.push(...productionTokenRules(config));
  lines.push(...signInRules(config));
  if (!config.DATABASE_URL && config.MIGRATION_DATABASE_URL) {
    lines.push('  MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both.');
  }
  if (config.isProduction && !config.DATABASE_URL && !config.EMBEDDED_POSTGRES) {
    lines.push(
      '  DATABASE_URL is required when NODE_ENV=production; to run the embedded ' +
        'PostgreSQL under DATA_DIR instead, set EMBEDDED_POSTGRES=true.',
    );
  }
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  setServiceTimeZone(config.TZ);
  return config;
}

/** Production accepts only tokens meant for this service, from the issuer it names. */
function productionTokenRules(config: AppConfig): string[] {
  const lines: string[] = [];
  for (const key of ['JWT_AUDIENCE', 'JWT_ISSUER'] as const) {
    if (!config[key]) lines.push(`  ${key}: required when NODE_ENV=production (every token must carry it)`);
  }
  if (config.JWT_JWKS_URL?.startsWith('http:')) {
    lines.push(
      `  JWT_JWKS_URL=${JSON.stringify(config.JWT_JWKS_URL)}: must be https when NODE_ENV=production`,
    );
  }
  return lines;
}

/** OIDC needs its client id and redirect URI together with the issuer; production needs https for both URLs. */
function signInRules(config: AppConfig): string[] {
  const lines: string[] = [];
  if (config.SIGN_IN_TTL_SECONDS > config.JWT_MAX_TTL_SECONDS) {
    lines.push('  SIGN_IN_TTL_SECONDS: must not exceed JWT_MAX_TTL_SECONDS');
  }
  const oidc = ['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI'] as const;
  if (!config.OIDC_ISSUER) {
    for (const key of [...oidc, 'OIDC_CLIENT_SECRET'] as const) {
      if (config[key]) lines.push(`  ${key} is set but OIDC_ISSUER is not: set both.`);
    }
    return lines;
  }
  for (const key of oidc) if (!config[key]) lines.push(`  ${key}: required when OIDC_ISSUER is set`);
  if (config.isProduction) {
    for (const key of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const) {
      if (config[key]?.startsWith('http:')) {
        lines.push(`  ${key}=${JSON.stringify(config[key])}: must be https when NODE_ENV=production`);
      }
    }
  }
  return lines;
}
