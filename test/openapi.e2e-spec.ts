import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildOpenApi } from '../src/infra/http/setup-app';
import { createTestApp, TestApp } from './helpers/test-app';

const COMMITTED = join(__dirname, '..', 'openapi.json');

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every HTTP route the app serves, as `get /vacancies/{id}` (Express :param -> OpenAPI {param}). */
function servedRoutes(t: TestApp): string[] {
  const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } })
    .router;
  return (
    router.stack
      // catch-all layers (Nest's and Swagger UI's) are not API routes
      .filter(
        (layer) =>
          layer.route && !layer.route.path.startsWith('/docs') && !layer.route.path.includes('*'),
      )
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map(
          (method) => `${method} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      .sort()
  );
}

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the committed openapi.json (run `npm run openapi:update` after changing the API)', () => {
    const current = `${JSON.stringify(buildOpenApi(t.app), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, current);
    expect(current).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('documents every route the service serves', () => {
    const document = buildOpenApi(t.app);
    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(servedRoutes(t));
  });

  it('serves the interactive docs at /docs', async () => {
    const response = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(response.body.info.title).toBe('Werkspoor 45+ API');
  });
});
