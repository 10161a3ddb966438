import type { components, paths } from './schema';

/**
 * Names for the generated API types (schema.d.ts, `npm run api:types`): every call in web/src/api
 * takes its request and answer types from here, so a changed API breaks the web's type check.
 */

/** A named shape of the OpenAPI document, e.g. `Schema<'NegotiationResponse'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** A path as the client takes it: without the `/api/v1` prefix. */
type ApiPath<Path extends string> = `/api/v1${Path}`;
type Method = 'get' | 'post' | 'patch' | 'put';
type Operation<Path extends string, M extends Method> =
  ApiPath<Path> extends keyof paths ? NonNullable<paths[ApiPath<Path>][M]> : never;

/** A query flag is documented as the text `true` or `false`; the client writes a boolean as that text. */
type Flags<Query> = {
  [Key in keyof Query]: Query[Key] extends 'true' | 'false' | undefined ? boolean | Query[Key] : Query[Key];
};

/** The query parameters of an operation. */
export type QueryOf<Path extends string, M extends Method = 'get'> =
  Operation<Path, M> extends { parameters: { query?: infer Query } } ? Flags<NonNullable<Query>> : never;

/** The JSON body an operation takes. */
export type BodyOf<Path extends string, M extends Method> =
  Operation<Path, M> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

type Json<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON an operation answers with when it succeeds (200 or 201). */
export type AnswerOf<Path extends string, M extends Method = 'get'> =
  Operation<Path, M> extends { responses: infer Responses }
    ? Json<Responses[keyof Responses & (200 | 201)]>
    : never;
