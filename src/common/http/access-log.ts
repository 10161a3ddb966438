import type { IncomingMessage, ServerResponse } from 'node:http';

/** What pino-http hands a `req` serializer: its own summary, with the request under `raw`. */
interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
  raw: IncomingMessage & { ip?: string };
}

/**
 * One access-log line per request names the request and its answer, nothing more: no headers
 * (they carry bearer tokens) and no bodies (they carry passwords). pino serializes a request's
 * bindings when the request arrives, at every log level, so a short summary is also cheaper
 * than the default one with every header run through redaction.
 */
export const accessLogSerializers = {
  req: (req: SerializedRequest) => ({
    id: req.id,
    method: req.method,
    url: req.url,
    // Express's `ip` honours TRUST_PROXY; the socket's address otherwise.
    ip: req.raw.ip ?? req.remoteAddress,
  }),
  res: (res: { statusCode: number; raw?: ServerResponse }) => ({ statusCode: res.statusCode }),
};
