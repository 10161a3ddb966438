import { json, type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import { BodyTooLargeError, MalformedJsonError } from '../errors/request.errors';

/** docs/contract.md, Errors: 413 for a JSON body over 1 MiB. */
export const JSON_BODY_LIMIT = '1mb';

interface BodyParserError {
  type?: string;
  message?: string;
  /** The raw body (body-parser attaches it to parse failures). */
  body?: string;
}

/**
 * express.json with its failures rendered in the API's error shape: body-parser errors are
 * raised before any Nest route runs, so Nest's exception filters never see them.
 */
export function jsonBodyParser(): (req: Request, res: Response, next: NextFunction) => void {
  const parse = json({ limit: JSON_BODY_LIMIT });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      // Every request body of the API is an object; an array is as unusable as bad syntax.
      if (!error && Array.isArray(req.body)) error = { type: 'entity.not.object' };
      if (!error) return next();
      const appError = toAppError(error as BodyParserError);
      res.status(appError.statusCode).json({
        statusCode: appError.statusCode,
        code: appError.code,
        message: appError.message,
      });
    });
  };
}

function toAppError(error: BodyParserError): AppError {
  switch (error.type) {
    case 'entity.too.large':
      return new BodyTooLargeError('1 MiB');
    case 'entity.parse.failed': {
      // Strict mode refuses `null`, `"x"` or `3` with a syntax error, though they are valid JSON.
      const scalar = jsonScalar(error.body);
      return new MalformedJsonError(
        scalar === undefined
          ? `the request body is not valid JSON: ${error.message ?? 'parse error'}`
          : `the request body must be a JSON object: it is ${scalar}`,
      );
    }
    case 'entity.not.object':
      return new MalformedJsonError('the request body must be a JSON object: it is an array');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError(415, 'REQUEST.UNSUPPORTED_ENCODING', `${error.message}; send UTF-8 JSON`);
    default:
      return new AppError(400, 'REQUEST.BAD_REQUEST', error.message ?? 'bad request body');
  }
}

/** `null`, `a string`, `a number`, `true`... when the body is valid JSON but not an object. */
function jsonScalar(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return value === null ? 'null' : `a ${typeof value}`;
  } catch {
    return undefined;
  }
}
