import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { isBusinessDate } from '../dates/business-date';

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

/** Trims and upper-cases strings (credit codes, industry letters). */
export function TrimUpper(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
}
