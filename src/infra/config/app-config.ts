import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

export const SEARCH_ENGINES = ['postgres', 'meilisearch'] as const;
export type SearchEngineKind = (typeof SEARCH_ENGINES)[number];
const NODE_ENVS = ['development', 'test', 'production'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every environment variable the service reads, validated at boot. */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  @Matches(/^[a-z0-9-]+$/, { message: 'QUEUE_PREFIX may only contain a-z, 0-9 and -' })
  QUEUE_PREFIX = 'werkspoor';

  @IsIn(SEARCH_ENGINES)
  SEARCH_ENGINE: SearchEngineKind = 'postgres';

  @ValidateIf((env: EnvironmentVariables) => env.SEARCH_ENGINE === 'meilisearch')
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'MEILI_URL must be a URL when SEARCH_ENGINE=meilisearch' },
  )
  MEILI_URL?: string;

  @IsOptional()
  @IsString()
  MEILI_KEY?: string;

  @Matches(/^[a-z0-9_]+$/, { message: 'MEILI_INDEX_PREFIX may only contain a-z, 0-9 and _' })
  MEILI_INDEX_PREFIX = 'werkspoor';

  /**
   * Searches the PostgreSQL engine runs at once; the others wait their turn. Default: 1.5 per
   * core plus one, as Elasticsearch sizes its search thread pool (4 on 2 cores).
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  SEARCH_CONCURRENCY?: number;

  /** A change relayed this long ago and still not in the index is relayed again (its job was lost). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  SEARCH_RESYNC_SECONDS = 600;

  @IsString()
  @MinLength(32, { message: 'AUTH_TOKEN_SECRET must be at least 32 characters' })
  AUTH_TOKEN_SECRET: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  AUTH_TOKEN_TTL_SECONDS = 8 * 3600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_LOCK_SECONDS = 900;

  @IsString()
  @MinLength(32, { message: 'BSN_PEPPER must be at least 32 characters' })
  BSN_PEPPER: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string;

  @IsString()
  @Matches(/@/, { message: 'MAIL_FROM must hold an e-mail address' })
  MAIL_FROM = 'Werkspoor 45+ <noreply@werkspoor.local>';

  /** Attempts per e-mail before it is marked failed; at most the queue's job attempts (8). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8)
  MAIL_MAX_ATTEMPTS = 8;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  FOLLOW_UP_RECONCILE_SECONDS = 30;
}

export interface AppConfig {
  env: EnvironmentVariables['NODE_ENV'];
  port: number;
  publicUrl: string;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  database: { url: string; poolSize: number };
  redis: { url: string; queuePrefix: string };
  search: {
    engine: SearchEngineKind;
    meiliUrl?: string;
    meiliKey?: string;
    meiliIndexPrefix: string;
    resyncSeconds: number;
    concurrency: number;
  };
  auth: {
    tokenSecret: string;
    tokenTtlSeconds: number;
    loginMaxFailures: number;
    loginMaxFailuresPerIp: number;
    loginLockSeconds: number;
  };
  privacy: { bsnPepper: string };
  mail: { smtpUrl: string; from: string; maxAttempts: number };
  followUps: { reconcileSeconds: number };
}

export class ConfigValidationError extends Error {}

/**
 * Reads the environment (plus `env/<NODE_ENV>.env` outside production, where real variables win),
 * validates it and returns the typed configuration. Throws with every bad variable named.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = source.NODE_ENV ?? 'development';
  const merged: Record<string, string | undefined> = { ...readEnvFile(nodeEnv), ...source };
  const env = plainToInstance(EnvironmentVariables, merged, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${describe(merged[e.property])})`,
    );
    throw new ConfigValidationError(
      `Invalid configuration, fix these environment variables:\n${lines.join('\n')}`,
    );
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    redis: { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    search: {
      engine: env.SEARCH_ENGINE,
      meiliUrl: env.MEILI_URL,
      meiliKey: env.MEILI_KEY,
      meiliIndexPrefix: env.MEILI_INDEX_PREFIX,
      resyncSeconds: env.SEARCH_RESYNC_SECONDS,
      concurrency: env.SEARCH_CONCURRENCY ?? Math.floor(availableParallelism() * 1.5) + 1,
    },
    auth: {
      tokenSecret: env.AUTH_TOKEN_SECRET,
      tokenTtlSeconds: env.AUTH_TOKEN_TTL_SECONDS,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      loginLockSeconds: env.LOGIN_LOCK_SECONDS,
    },
    privacy: { bsnPepper: env.BSN_PEPPER },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, maxAttempts: env.MAIL_MAX_ATTEMPTS },
    followUps: { reconcileSeconds: env.FOLLOW_UP_RECONCILE_SECONDS },
  };
}

function readEnvFile(nodeEnv: string): Record<string, string | undefined> {
  if (nodeEnv === 'production') return {};
  // src/infra/config when run from source, dist/src/infra/config when compiled
  const candidates = [
    join(__dirname, '../../..'),
    join(__dirname, '../../../..'),
    process.cwd(),
  ].map((root) => join(root, 'env', `${nodeEnv}.env`));
  const path = candidates.find((candidate) => existsSync(candidate));
  return path ? parseEnv(readFileSync(path, 'utf8')) : {};
}

function describe(value: string | undefined): string {
  if (value === undefined || value === '') return 'nothing';
  return value.length > 40 ? `${value.length} characters` : JSON.stringify(value);
}
