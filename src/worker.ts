import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './infra/config/app-config';
import { AppLogger } from './infra/logging/logging.module';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks();
  await app.init();
  app.get(AppLogger).log('Worker running: outbox relay and queue workers started', 'Worker');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
