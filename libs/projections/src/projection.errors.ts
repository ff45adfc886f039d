import { DomainError } from '@crm/kernel';

/** Stable codes of the read side's machinery; clients match on these. */
export enum ProjectionErrorCode {
  UnknownProjection = 'PROJECTION_UNKNOWN',
  RebuildRaced = 'PROJECTION_REBUILD_RACED',
  /** No complete read model to answer from: a lost one is being rebuilt. Retry after `Retry-After` seconds. */
  ReadModelRebuilding = 'READ_MODEL_REBUILDING',
  /** The read store (Redis) does not answer. */
  ReadStoreUnavailable = 'READ_STORE_UNAVAILABLE',
}

/** What a client is told to wait before asking again while a read model is rebuilt or the store is away. */
export const READ_SIDE_RETRY_AFTER_SECONDS = 1;

export const readModelRebuilding = (projection: string): DomainError<ProjectionErrorCode> =>
  new DomainError(ProjectionErrorCode.ReadModelRebuilding, `The ${projection} read model is being rebuilt; retry shortly`, 'unavailable',
    undefined, { projection, retryAfterSeconds: READ_SIDE_RETRY_AFTER_SECONDS });

export const readStoreUnavailable = (cause: unknown): DomainError<ProjectionErrorCode> => {
  const error = new DomainError(ProjectionErrorCode.ReadStoreUnavailable, 'The read store does not answer; retry shortly', 'unavailable',
    undefined, { retryAfterSeconds: READ_SIDE_RETRY_AFTER_SECONDS });
  error.cause = cause;
  return error;
};
