import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '@crm/kernel';

/** The parts of express's request and response the API uses (express ships no types in this tree). */
export interface ApiRequest extends IncomingMessage {
  body?: unknown;
  params: Record<string, string | undefined>;
  path: string;
  actor?: Actor;
}

export interface ApiResponse extends ServerResponse {
  status(code: number): this;
}

export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
