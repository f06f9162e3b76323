import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isValidBsn } from '../bsn';
import {
  birthYearProblem,
  COMMUTE_REQUIRED,
  duplicateKeys,
  hoursProblem,
  sectorOverlapProblem,
} from '../candidate-rules';

type Check = (value: unknown, args: ValidationArguments) => string | null;

/** Registers a constraint whose check returns the problem in words, or null when fine. */
function constraint(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => check(value, args) === null,
        defaultMessage: (args: ValidationArguments) => check(args.value, args) ?? '',
      },
    });
  };
}

/** Nine digits that pass the Dutch 11-proef. */
export const IsBsn = (options?: ValidationOptions) =>
  constraint(
    'isBsn',
    (value) =>
      isValidBsn(value)
        ? null
        : 'bsn must be 9 digits that pass the 11-proef (elfproef): check it for a typing error',
    options,
  );

/** 45 or older this year, and not absurdly old. Checked against the current year at request time. */
export const IsProgrammeBirthYear = (options?: ValidationOptions) =>
  constraint('isProgrammeBirthYear', (value) => birthYearProblem(value), options);

/** On hoursMax: at least hoursMin when both are in the same body. */
export const IsAtLeastHoursMin = (options?: ValidationOptions) =>
  constraint(
    'isAtLeastHoursMin',
    (value, args) => hoursProblem((args.object as { hoursMin?: unknown }).hoursMin, value),
    options,
  );

/** On an array: shares no element with the array in `otherProperty` of the same body. */
export const SharesNothingWith = (otherProperty: string, options?: ValidationOptions) =>
  constraint(
    'sharesNothingWith',
    (value, args) =>
      sectorOverlapProblem((args.object as Record<string, unknown>)[otherProperty], value),
    options,
  );

/** On an array of objects: no two elements with the same key. */
export const UniqueBy = <T>(
  key: (item: T) => string,
  describe: (duplicates: string[]) => string,
  options?: ValidationOptions,
) =>
  constraint(
    'uniqueBy',
    (value) => {
      if (!Array.isArray(value)) return null;
      const objects = value.filter((item): item is T => typeof item === 'object' && item !== null);
      const duplicates = duplicateKeys(objects, key);
      return duplicates.length > 0 ? describe(duplicates) : null;
    },
    options,
  );

/** A year that is not in the future (last year worked, diploma year). */
export const IsNotAfterThisYear = (options?: ValidationOptions) =>
  constraint(
    'isNotAfterThisYear',
    (value, args) => {
      const thisYear = new Date().getFullYear();
      return typeof value === 'number' && value > thisYear
        ? `${args.property} must be ${thisYear} or earlier`
        : null;
    },
    options,
  );

/**
 * maxCommuteKm: a whole number of kilometres 1-150, or null/absent when `needsLimit` says the
 * body has another travel limit (on create: maxCommuteMinutes; on update the merged profile is
 * checked by the service).
 */
export const IsCommuteKm = (needsLimit: (object: object) => boolean, options?: ValidationOptions) =>
  constraint(
    'isCommuteKm',
    (value, args) => {
      if (value === undefined || value === null) {
        return needsLimit(args.object) ? COMMUTE_REQUIRED : null;
      }
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 150
        ? null
        : 'maxCommuteKm must be a whole number of kilometres from 1 to 150';
    },
    options,
  );
