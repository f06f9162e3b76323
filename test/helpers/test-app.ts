import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { setupApp } from '../../src/infra/http/setup-app';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the real application (all modules, guards, pipes and filters) once per spec file. */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  setupApp(app);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: () => app.close(),
  };
}
