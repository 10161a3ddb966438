import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'creditCode' })
  field!: string;

  @ApiProperty({ example: 'must be unique' })
  message!: string;
}

/** Every error answer of the API (docs/contract.md, Errors), as HttpErrorFilter renders it. */
export class ErrorResponse {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({
    example: 'REQUEST.VALIDATION_FAILED',
    description: 'Stable code, AREA.WHAT: what a client branches on (docs/api.md lists them)',
  })
  code!: string;

  @ApiProperty({ example: 'employeeCount: must not be less than 0' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'One entry per field at fault' })
  errors?: FieldErrorResponse[];

  @ApiPropertyOptional({
    example: 'quorumReached',
    description:
      'NEGOTIATION.GUARD_FAILED: the workflow check that refused the event (GET /workflow lists them)',
  })
  check?: string;

  @ApiPropertyOptional({
    example: '集体合同规定 art. 36',
    description: 'NEGOTIATION.GUARD_FAILED: the article behind that check',
  })
  rule?: string;

  @ApiPropertyOptional({
    example: '集体合同规定第三十六条',
    description: 'the same article as Chinese cites it',
  })
  ruleZh?: string;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

/** Documents a route's own error answers: status → its codes and when each is given. */
export function ApiErrors(answers: Partial<Record<ErrorStatus, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(answers).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ErrorResponse }),
    ),
  );
}

type Operation = {
  security?: unknown[];
  requestBody?: { content?: Record<string, unknown> };
  parameters?: { in: string }[];
  responses: Record<string, unknown>;
};

/**
 * The error answers every route shares, added to each operation of the document from its
 * shape (beside those the route documents itself with {@link ApiErrors}): 401 where a token is
 * needed, 400, 413 and 422 where there is a JSON body, 400 and 422 where there are query
 * parameters, 404 where the path names a resource by id.
 */
export function documentCommonErrors(document: OpenAPIObject): OpenAPIObject {
  const reference = { $ref: '#/components/schemas/ErrorResponse' };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const add = (status: number, description: string) => {
        const own = operation.responses[status] as { description?: string } | undefined;
        if (own === undefined) {
          operation.responses[status] = {
            description,
            content: { 'application/json': { schema: reference } },
          };
        } else if (!own.description?.includes(description.split(':')[0])) {
          own.description = `${own.description}; ${description}`;
        }
      };
      const inQuery = operation.parameters?.some((p) => p.in === 'query') ?? false;
      const inPath = operation.parameters?.some(
        (p) => p.in === 'path' && (p as { name?: string }).name === 'id',
      );
      if (operation.security?.length) {
        add(
          401,
          'AUTH.UNAUTHENTICATED: no bearer token, or one that is bad, expired or ended (password change, deactivation)',
        );
      }
      const json = operation.requestBody?.content?.['application/json'] !== undefined;
      if (json) {
        add(
          400,
          'REQUEST.MALFORMED_JSON (the body is not a JSON object) or REQUEST.UNKNOWN_FIELD (a field the route does not know)',
        );
        add(413, 'REQUEST.BODY_TOO_LARGE: the body is over 1 MiB');
      } else if (inQuery) {
        add(400, 'REQUEST.UNKNOWN_FIELD: a query parameter the route does not know');
      }
      if (operation.requestBody || inQuery) {
        add(422, 'REQUEST.VALIDATION_FAILED: a field breaks a rule; `errors` names each field and its rule');
      }
      if (inPath) add(404, '*.NOT_FOUND: nothing with that id, or outside what the caller may see');
    }
  }
  return document;
}
