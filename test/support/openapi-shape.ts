/**
 * Whether a JSON answer has exactly the shape an OpenAPI schema documents: every required key,
 * no undocumented key, the documented types, enums, nullability and `date` format. Enough of
 * OpenAPI 3.0 for the schemas @nestjs/swagger writes; a test helper, not a general validator.
 */
export interface OpenApiSchema {
  $ref?: string;
  allOf?: OpenApiSchema[];
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
}

export type OpenApiSchemas = Record<string, OpenApiSchema>;

/** The places where `value` departs from `schema`, as `$.rows[2].rate: …`; empty when it fits. */
export function shapeErrors(
  value: unknown,
  schema: OpenApiSchema,
  schemas: OpenApiSchemas,
  at = '$',
): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return shapeErrors(value, schemas[name], schemas, at);
  }
  // A nullable reference (`{nullable: true, allOf: [{$ref}]}`, as @nestjs/swagger writes it) admits null.
  if (value === null && schema.nullable) return [];
  if (schema.allOf) return schema.allOf.flatMap((part) => shapeErrors(value, part, schemas, at));
  if (value === null) return schema.nullable ? [] : [`${at}: null, not documented as nullable`];
  if (schema.enum && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not in its enum`];
  switch (schema.type) {
    case 'object':
      return objectErrors(value, schema, schemas, at);
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) => shapeErrors(item, schema.items ?? {}, schemas, `${at}[${i}]`))
        : [`${at}: not an array`];
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      return schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value) ? [`${at}: not a date`] : [];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    default:
      return [`${at}: the schema has no type`];
  }
}

function objectErrors(value: unknown, schema: OpenApiSchema, schemas: OpenApiSchemas, at: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: not an object`];
  const properties = schema.properties ?? {};
  const record = value as Record<string, unknown>;
  return [
    ...(schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`),
    ...Object.entries(record).flatMap(([key, field]) =>
      key in properties
        ? shapeErrors(field, properties[key], schemas, `${at}.${key}`)
        : [`${at}.${key}: not documented`],
    ),
  ];
}
