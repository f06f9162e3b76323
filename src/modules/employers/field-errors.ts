import { FieldError, RequestValidationException } from '../../infra/http/validation';
import { ReferenceKind, unknownReferenceProblem } from '../taxonomy/taxonomy-references.service';

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

  /** Names each field holding an unknown reference value, with the user-facing problem. */
  addUnknown(
    kind: ReferenceKind,
    unknown: readonly string[],
    fieldOf: (value: string) => string[],
  ): void {
    for (const value of unknown) {
      for (const field of fieldOf(value)) this.add(field, unknownReferenceProblem(kind, value));
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
