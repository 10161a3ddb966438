import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../errors/app-error';
import { UnknownFieldsError, ValidationFailedError } from '../errors/request.errors';

/**
 * The global pipe: transforms to DTO classes, strips nothing silently (unknown fields → 400
 * `REQUEST.UNKNOWN_FIELD`), and reports every broken rule as 422 with one entry per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      const unknown = flat.filter((e) => e.unknown).map((e) => e.field);
      if (unknown.length > 0) return new UnknownFieldsError(unknown);
      return new ValidationFailedError(flat.map(({ field, message }) => ({ field, message })));
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): (FieldError & { unknown: boolean })[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message,
      unknown: rule === 'whitelistValidation',
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
