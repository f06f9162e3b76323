import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { FieldError, RequestValidationException } from '../../infra/http/validation';

/**
 * Collects problems the ValidationPipe cannot see (unknown codes in the database, rules that
 * span the stored record and the request) so one 400 names every bad field, in the same shape
 * as the pipe's errors.
 */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, problem: string): void {
    const existing = this.errors.find((error) => error.field === field);
    if (existing) existing.problems.push(problem);
    else this.errors.push({ field, problems: [problem] });
  }

  /**
   * Runs a TaxonomyReferencesService check and turns its "unknown values" error into field
   * errors: `fieldOf(value)` names the field holding each unknown value.
   */
  async reference(
    check: () => Promise<void>,
    fieldOf: (unknownValue: string) => string[],
  ): Promise<void> {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== ErrorCode.InvalidReference) {
        throw error;
      }
      const unknown = Array.isArray(error.details.unknown)
        ? (error.details.unknown as string[])
        : [];
      const message = error.message;
      for (const value of unknown) {
        for (const field of fieldOf(value)) this.add(field, message);
      }
      if (unknown.length === 0) this.add('request', message);
    }
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  throwIfAny(): void {
    if (this.any) throw new RequestValidationException(this.errors);
  }
}

/** The fields of `items` (e.g. `locations.2.pc4`) whose `key` equals `value`. */
export function fieldsOf<T>(
  list: string,
  items: readonly T[],
  key: keyof T & string,
  value: string,
): string[] {
  return items.flatMap((item, index) => (item[key] === value ? [`${list}.${index}.${key}`] : []));
}

/** Names of the fields a request body actually carries (undefined ones left out), sorted: for audit details. */
export function presentFields(dto: object): string[] {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
}
