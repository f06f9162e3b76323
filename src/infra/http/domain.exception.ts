/** What went wrong, independent of HTTP; the global filter maps each code to a status. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidReference = 'INVALID_REFERENCE',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  InvalidTransition = 'INVALID_TRANSITION',
  RuleViolation = 'RULE_VIOLATION',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  Gone = 'GONE',
  /** A backing service (the search engine) does not answer; retry later. */
  Unavailable = 'UNAVAILABLE',
}

export interface DomainErrorDetails {
  /** Object the error is about, for the audit log of denied access. */
  objectType?: string;
  objectId?: string;
  /** Seconds after which a retry may succeed (TooManyAttempts). */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

/** A business-rule error. The message says what was wrong and how to fix it. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(objectType: string, id: string): DomainException {
    return new DomainException(ErrorCode.NotFound, `${objectType} ${id} does not exist`, {
      objectType,
      objectId: id,
    });
  }

  static forbidden(message: string, objectType?: string, objectId?: string): DomainException {
    return new DomainException(ErrorCode.Forbidden, message, { objectType, objectId });
  }
}
