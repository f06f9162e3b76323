import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { TokenService } from '../../src/infra/auth/token.service';
import { Role } from '../../src/infra/auth/role';
import { setupApp } from '../../src/infra/http/setup-app';
import { SEARCH_ENGINE, SearchEngine } from '../../src/infra/search/search-engine';

export interface RunningApi {
  app: NestExpressApplication;
  baseUrl: string;
  engine: SearchEngine;
  /** A bearer token for the user (signed by the app's own TokenService). */
  tokenFor(userId: string, role: Role): string;
  close(): Promise<void>;
}

/** Boots the real API (every module, guard, pipe and filter) on a free local port. */
export async function startApi(): Promise<RunningApi> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: false });
  setupApp(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    engine: app.get<SearchEngine>(SEARCH_ENGINE),
    tokenFor: (userId, role) => app.get(TokenService).sign({ sub: userId, role }),
    close: () => app.close(),
  };
}

export interface SearchBody {
  total: number;
  items: unknown[];
}

/**
 * GET with a bearer token over Node's fetch (undici keeps connections alive and opens one per
 * concurrent request). Rejects on a status other than 200 with the status and the body.
 */
export function httpClient(baseUrl: string, token: string): (path: string) => Promise<SearchBody> {
  return jsonClient<SearchBody>(baseUrl, token);
}

/** An HTTP error answer, with its status (e.g. 404 while an endpoint does not exist yet). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    body: string,
  ) {
    super(`${status} ${path}: ${body.slice(0, 300)}`);
  }
}

/** As httpClient, for any JSON answer; rejects with an HttpStatusError on a status other than 200. */
export function jsonClient<T>(baseUrl: string, token: string): (path: string) => Promise<T> {
  const headers = { authorization: `Bearer ${token}` };
  return async (path) => {
    const response = await fetch(baseUrl + path, { headers });
    if (response.status !== 200) {
      throw new HttpStatusError(response.status, path, await response.text());
    }
    return (await response.json()) as T;
  };
}
