import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { isBusinessDate } from '../dates/business-date';
import { cleanCode, cleanText, plainTextProblem } from '../text/plain-text';

/** A real calendar date written `YYYY-MM-DD`. */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBusinessDate',
      validator: {
        validate: (value) => isBusinessDate(value),
        defaultMessage: (args) =>
          `${args?.property} must be a real date written YYYY-MM-DD, got ${JSON.stringify(args?.value)}`,
      },
    },
    options,
  );
}

/**
 * Optional in a PATCH, but not clearable: absent is fine, `null` is validated (and refused
 * by the property's other rules). `@IsOptional` would let `null` through.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** Trims strings; leaves every other value for the validators to judge. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}

/** Names and places: invisible characters removed, trimmed (text/plain-text.ts). Other values are left to the validators. */
export function CleanText(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? cleanText(value) : value));
}

/**
 * Codes, letters and dates as typed on Chinese keyboards: full-width to half-width, invisible
 * characters removed, trimmed, and upper-cased when `upperCase` (credit codes, industry letters).
 */
export function CleanCode(options: { upperCase?: boolean } = {}): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const clean = cleanCode(value);
    return options.upperCase ? clean.toUpperCase() : clean;
  });
}

/** Refuses text with control or direction-control characters (naming the first) or with no letter or digit. */
export function IsPlainText(): PropertyDecorator {
  return ValidateBy({
    name: 'isPlainText',
    validator: {
      validate: (value) => typeof value !== 'string' || plainTextProblem(value) === null,
      defaultMessage: (args) =>
        `${args?.property} ${plainTextProblem(String(args?.value))?.en ?? 'has a character that is not allowed'}`,
    },
  });
}
