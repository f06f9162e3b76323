import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppLogger, requestLogging } from '../logging/logging.module';
import { ATTRIBUTION } from '../../modules/taxonomy/attribution';
import { createValidationPipe } from './validation';

/** Everything main.ts and the e2e tests share, so tests exercise the real HTTP stack. */
export function setupApp(app: NestExpressApplication): OpenAPIObject {
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.use(requestLogging(logger.pino));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // Answers hold personal data: no browser or proxy keeps them, and no ETag is computed (a
  // hash of every answer's body, only useful for caching)
  app.set('etag', false);
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: '1mb' });
  // the employer's shortlist page posts plain HTML forms
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, () => document, { jsonDocumentUrl: 'docs/openapi.json' });
  return document;
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Werkspoor 45+ API')
    .setDescription(
      'Employer matching, jobhunting and placement pipeline for jobseekers of 45+ on social assistance.\n\n' +
        ATTRIBUTION.map((a) => `- ${a.text}`).join('\n'),
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}
