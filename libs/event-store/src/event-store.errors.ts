import { DomainError } from '@crm/kernel';

export enum EventStoreErrorCode {
  WrongExpectedRevision = 'EVENT_STORE_WRONG_EXPECTED_REVISION',
  StreamAlreadyExists = 'EVENT_STORE_STREAM_ALREADY_EXISTS',
  StreamNotFound = 'EVENT_STORE_STREAM_NOT_FOUND',
}

export class WrongExpectedRevisionError extends DomainError<EventStoreErrorCode> {
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | 'no_stream',
  ) {
    const code = expected === 'no_stream' ? EventStoreErrorCode.StreamAlreadyExists : EventStoreErrorCode.WrongExpectedRevision;
    super(code, `Stream ${streamId} is at revision ${actual}, expected ${expected}`, 'precondition_failed', undefined, {
      streamId, expected, actual,
    });
  }
}
