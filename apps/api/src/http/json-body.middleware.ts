import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiErrorCode } from './api-error-code';

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

// body-parser ships no type declarations; this is the one function used from it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { json } = require('body-parser') as {
  json: (options: { limit: string; reviver: (key: string, value: unknown) => unknown }) => Middleware;
};

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** `__proto__` would become an instance's prototype rather than a field, slipping past the unknown-field check. */
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('"__proto__" is not allowed in a request body');
  return value;
}

/**
 * A JSON body parser whose errors are answered in the API's shape: it runs before any Nest route, so the
 * exception filter never sees a malformed or oversize body.
 */
export function jsonBody(limit: string): Middleware {
  const parse = json({ limit, reviver: rejectPrototypeKeys });
  return (req, res, next) => {
    // Only commands take a body. A body on a query means nothing (RFC 9110), so it is not read: a query never
    // answers 400, 413 or 415 because of one, and its documented answers stay what they are.
    if (!METHODS_WITH_BODY.has(req.method ?? '')) return next();
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, code, message } = describe(error as BodyParserError);
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ code, message }));
    });
  };
}

function describe(error: BodyParserError): { status: number; code: ApiErrorCode; message: string } {
  if (error.type === 'entity.too.large') return { status: 413, code: ApiErrorCode.PayloadTooLarge, message: 'Request body is too large' };
  if (error.type === 'entity.parse.failed') return { status: 400, code: ApiErrorCode.MalformedJson, message: 'Request body is not valid JSON' };
  const status = error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : 400;
  return { status, code: ApiErrorCode.MalformedJson, message: error.message };
}
