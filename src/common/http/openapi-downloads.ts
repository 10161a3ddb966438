import type { OpenAPIObject } from '@nestjs/swagger';

type PathItemObject = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItemObject['get']>;
type ParameterObject = NonNullable<OperationObject['parameters']>[number];
type ResponsesObject = OperationObject['responses'];
type ResponseObject = Extract<ResponsesObject[string], { description: string }>;
type ContentObject = NonNullable<ResponseObject['content']>;

const OPTIONAL_FORMAT = /^(.+)\.\{format\}$/;

/**
 * A route declared as `report{.:format}` answers JSON at `report` and downloads a table at
 * `report.csv` / `report.xlsx`; Swagger only knows the second spelling. This lists each such
 * route twice: its JSON path without the `format` parameter, answering the documented JSON, and
 * its download path with it, answering a file in the route's other content types.
 */
export function documentDownloadPaths(document: OpenAPIObject): OpenAPIObject {
  const paths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const json = hasOptionalFormat(item) ? OPTIONAL_FORMAT.exec(path)?.[1] : undefined;
    if (json) paths[json] = mapOperations(item, withoutFormat);
    paths[path] = json ? mapOperations(item, withRequiredFormat) : item;
  }
  return { ...document, paths };
}

function mapOperations(
  item: PathItemObject,
  map: (operation: OperationObject) => OperationObject,
): PathItemObject {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
  const mapped: PathItemObject = { ...item };
  for (const method of methods) {
    const operation = item[method];
    if (operation) mapped[method] = map(operation);
  }
  return mapped;
}

/** `report{.:format}` has an optional `format` (a route like `enterprises.:format` requires it). */
function hasOptionalFormat(item: PathItemObject): boolean {
  return Boolean(
    item.get?.parameters?.some(
      (parameter) => isFormat(parameter) && !('required' in parameter && parameter.required),
    ),
  );
}

const isFormat = (parameter: ParameterObject | object): boolean =>
  'name' in parameter && parameter.name === 'format';

function withoutFormat(operation: OperationObject): OperationObject {
  return {
    ...operation,
    parameters: operation.parameters?.filter((parameter) => !isFormat(parameter)),
    responses: mapOk(operation.responses, (content) => ({ 'application/json': content['application/json'] })),
  };
}

function withRequiredFormat(operation: OperationObject): OperationObject {
  return {
    ...operation,
    operationId: operation.operationId && `${operation.operationId}_download`,
    summary: operation.summary && `${operation.summary} (download: .csv or .xlsx)`,
    parameters: operation.parameters?.map((parameter) =>
      isFormat(parameter) ? { ...parameter, required: true } : parameter,
    ),
    responses: mapOk(operation.responses, (content) =>
      Object.fromEntries(
        Object.keys(content)
          .filter((type) => type !== 'application/json')
          .map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    ),
  };
}

/** The 200 answer with its content mapped; an operation whose 200 documents no content is kept as is. */
function mapOk(responses: ResponsesObject, map: (content: ContentObject) => ContentObject): ResponsesObject {
  const ok = responses['200'] as ResponseObject | undefined;
  if (!ok?.content || !('application/json' in ok.content)) return responses;
  return { ...responses, 200: { ...ok, content: map(ok.content) } };
}
