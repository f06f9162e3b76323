/**
 * The environment every benchmark runs with: its own database, Redis database and queue prefix,
 * production settings (no env file is read) and bench-only secrets. Set before anything calls
 * loadConfig(); a variable already set to BENCH_<NAME> overrides the default here.
 */
export const BENCH_ENV_DEFAULTS = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/werkspoor_bench',
  DATABASE_POOL_SIZE: '10',
  REDIS_URL: 'redis://127.0.0.1:6379/3',
  QUEUE_PREFIX: 'werkspoor-bench',
  SEARCH_ENGINE: 'postgres',
  AUTH_TOKEN_SECRET: 'bench-only-token-secret-0123456789-0123456789',
  BSN_PEPPER: 'bench-only-bsn-pepper-0123456789-0123456789',
  PUBLIC_URL: 'http://localhost:3000',
  PORT: '0',
  LOG_LEVEL: 'silent',
  LOGIN_MAX_FAILURES_PER_IP: '100000',
  // required in production; a benchmark that sends e-mail starts its own sink and sets this
  SMTP_URL: 'smtp://127.0.0.1:2525',
} as const;

export type BenchEnv = Record<keyof typeof BENCH_ENV_DEFAULTS, string>;

/** Writes the bench environment into process.env (inherited by child processes) and returns it. */
export function applyBenchEnv(): BenchEnv {
  const env = {} as BenchEnv;
  for (const [name, fallback] of Object.entries(BENCH_ENV_DEFAULTS) as [keyof BenchEnv, string][]) {
    env[name] = process.env[`BENCH_${name}`] ?? fallback;
    process.env[name] = env[name];
  }
  return env;
}

/** A whole-number setting from the environment, e.g. BENCH_RUNS. */
export function wholeSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

/** BENCH_PHASES (a comma list) checked against the phases a benchmark has; all by default. */
export function phasesSetting<Phase extends string>(phases: readonly Phase[]): Set<Phase> {
  return new Set(
    (process.env.BENCH_PHASES ?? phases.join(',')).split(',').map((phase) => {
      if (!(phases as readonly string[]).includes(phase))
        throw new Error(`BENCH_PHASES: unknown phase ${phase}; choose from ${phases.join(', ')}`);
      return phase as Phase;
    }),
  );
}
