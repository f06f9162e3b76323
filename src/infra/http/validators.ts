import { Transform } from 'class-transformer';
import {
  registerDecorator,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/**
 * Optional, but when present not null: for fields whose column is NOT NULL. (`@IsOptional()`
 * lets null through, which would reach the database as a constraint error.) Use with
 * `PartialType(Dto, { skipNullProperties: false })` so update DTOs keep this behaviour.
 */
export const OptionalNotNull = () =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Query strings carry text: turns `true`/`false` into booleans, leaves anything else for @IsBoolean to reject. */
export const ToBoolean = () =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** Trims surrounding white space of a string value. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Cross-field rule: this number must not exceed the number in `otherField` of the same body,
 * e.g. `@NotGreaterThan('hoursMax') hoursMin`. Skipped when either is missing or not a number
 * (other decorators report those), so the error names this field only when the pair is wrong.
 */
export function NotGreaterThan(otherField: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notGreaterThan',
      target: object.constructor,
      propertyName,
      constraints: [otherField],
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must not be greater than ${String(args.constraints[0])}`,
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const other = (args.object as Record<string, unknown>)[String(args.constraints[0])];
          if (typeof value !== 'number' || typeof other !== 'number') return true;
          return value <= other;
        },
      },
    });
}

/** Escapes `%`, `_` and `\` so user text is matched literally inside ILIKE '%…%'. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
