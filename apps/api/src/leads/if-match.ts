import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';

const REVISION_TAG = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/;

/** The ETag is the stream revision, quoted. */
export const revisionETag = (revision: number): string => `"${revision}"`;

/** Reads If-Match as a stream revision; anything else is a 400 rather than a silent "any". */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = REVISION_TAG.exec(header);
  if (!match?.[1]) {
    throw new ApiError(ApiErrorCode.InvalidIfMatch, 'If-Match must be a stream revision such as "3"', 'invalid', 'If-Match');
  }
  return Number(match[1]);
}
