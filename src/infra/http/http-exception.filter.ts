import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthenticatedRequest } from '../auth/current-actor.decorator';
import { DomainException, ErrorCode } from './domain.exception';
import { FieldError, RequestValidationException } from './validation';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  requestId?: string;
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.InvalidReference:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
    case ErrorCode.InvalidTransition:
      return HttpStatus.CONFLICT;
    case ErrorCode.RuleViolation:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.TooManyAttempts:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.Gone:
      return HttpStatus.GONE;
    case ErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_INVALID_TEXT = '22P02';

/** The one place where errors become HTTP answers; denied access is written to the audit log. */
@Catch()
@Injectable()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const context = host.switchToHttp();
    const request = context.getRequest<AuthenticatedRequest>();
    const response = context.getResponse<Response>();
    const requestId = request.id ? String(request.id) : undefined;
    const body = this.toBody(exception, requestId);
    body.requestId = requestId;

    if (body.statusCode === 401 || body.statusCode === 403) {
      await this.recordDenial(request, exception, body).catch((error: unknown) =>
        this.logger.error(`Could not write audit row for denied access: ${String(error)}`),
      );
    }
    if (exception instanceof DomainException && exception.details.retryAfterSeconds) {
      response.setHeader('Retry-After', String(exception.details.retryAfterSeconds));
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string | undefined): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: statusOf(exception.code),
        code: exception.code,
        message: exception.message,
      };
    }
    if (exception instanceof RequestValidationException) {
      return {
        statusCode: 400,
        code: ErrorCode.ValidationFailed,
        message: exception.message,
        errors: exception.fieldErrors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { statusCode: status, code: httpCode(status), message: httpMessage(exception) };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      if (pgCode === PG_UNIQUE_VIOLATION) {
        return {
          statusCode: 409,
          code: ErrorCode.Conflict,
          message: 'A record with the same unique value already exists',
        };
      }
      if (pgCode === PG_FOREIGN_KEY_VIOLATION) {
        return {
          statusCode: 400,
          code: ErrorCode.InvalidReference,
          message: 'The request refers to a record that does not exist',
        };
      }
      if (pgCode === PG_INVALID_TEXT) {
        return {
          statusCode: 400,
          code: ErrorCode.ValidationFailed,
          message: 'A value in the request has the wrong format',
        };
      }
    }
    // the id the answer tells the user to quote
    this.logger.error(
      `Request ${requestId ?? '(no id)'}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
    );
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Unexpected error; quote the requestId when reporting it',
    };
  }

  private async recordDenial(
    request: AuthenticatedRequest,
    exception: unknown,
    body: ErrorBody,
  ): Promise<void> {
    const details = exception instanceof DomainException ? exception.details : {};
    await this.audit.record(request.actor ?? { requestId: body.requestId }, {
      action: 'access.denied',
      objectType: details.objectType ?? null,
      objectId: details.objectId ?? null,
      result: 'denied',
      details: {
        method: request.method,
        route: routeOf(request),
        status: body.statusCode,
        reason: body.message,
      },
    });
  }
}

function routeOf(request: AuthenticatedRequest): string {
  const route = (request as { route?: { path?: string } }).route;
  return route?.path ?? request.path;
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return ErrorCode.ValidationFailed;
    case 404:
      return ErrorCode.NotFound;
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    default:
      return HttpStatus[status] ?? 'HTTP_ERROR';
  }
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
