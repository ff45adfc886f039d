import { HttpStatus } from '@nestjs/common';
import { ApiResponse } from '../http/api-request';
import { StoredResponse } from '../idempotency/idempotency-store.port';
import { revisionETag } from './if-match';
import { LeadCommandResult } from './lead-command.result';

/** 201 when the command appended events, 200 when it changed nothing; the ETag is the revision either way. */
export function toAnswer(result: LeadCommandResult): StoredResponse {
  const status = result.events.length > 0 ? HttpStatus.CREATED : HttpStatus.OK;
  return { status, body: result, etag: revisionETag(result.revision) };
}

/** Writes status and headers of an answer, fresh or replayed, and hands back its body for Nest to send. */
export function reply<Body = LeadCommandResult>(response: ApiResponse, answer: StoredResponse): Body {
  response.status(answer.status);
  if (answer.etag !== undefined) response.setHeader('ETag', answer.etag);
  if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return answer.body as Body;
}
