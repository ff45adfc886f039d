import type { Server } from 'node:http';
import request, { Response } from 'supertest';
import { Exchange } from './openapi-contract';

export type HttpClient = ReturnType<typeof request>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * A supertest client that writes down every answer it receives (superagent emits `response` for 4xx and 5xx as
 * well), so that the fixture can hold each of them against the OpenAPI document when the app closes.
 */
export function recordingClient(server: Server, exchanges: Exchange[]): HttpClient {
  const client = request(server);
  for (const method of METHODS) {
    const send = client[method].bind(client) as (url: string) => ReturnType<HttpClient['get']>;
    (client as unknown as Record<string, (url: string) => unknown>)[method] = (url: string) => {
      const test = send(url);
      test.on('response', (res: Response) => {
        exchanges.push({ method: method.toUpperCase(), url, status: res.status, contentType: res.headers['content-type'], text: res.text });
      });
      return test;
    };
  }
  return client;
}
