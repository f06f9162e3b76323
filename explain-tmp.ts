import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from './src/infra/database/typeorm-options';
import { loadConfig } from './src/infra/config/app-config';
import { PostgresSearchEngine } from './src/infra/search/postgres-search.engine';
import { SearchQuery } from './src/infra/search/search-engine';

const queries: [string, SearchQuery][] = JSON.parse(process.env.QUERIES!);
(async () => {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/werkspoor_bench';
  const ds = await new DataSource({ ...typeormOptions(loadConfig()), logging: false }).initialize();
  const orig = DataSource.prototype.query;
  DataSource.prototype.query = async function (this: DataSource, sql: string, params?: unknown[]) {
    if (process.env.EXPLAIN && sql.includes('WITH hits')) {
      const plan = (await orig.call(this, 'EXPLAIN (ANALYZE, COSTS OFF) ' + sql, params)) as { 'QUERY PLAN': string }[];
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return orig.call(this, sql, params);
  } as typeof orig;
  const engine = new PostgresSearchEngine(ds);
  for (const [name, q] of queries) {
    const times: number[] = [];
    let total = 0;
    const n = process.env.EXPLAIN ? 1 : 30;
    for (let i = 0; i < n; i++) { const t = performance.now(); total = (await engine.search(process.env.INDEX as 'candidates' ?? 'candidates', q)).total; times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    console.log(`${name}: total ${total} median ${times[Math.floor(n / 2)].toFixed(2)} ms min ${times[0].toFixed(2)}`);
  }
  await ds.destroy();
})();
