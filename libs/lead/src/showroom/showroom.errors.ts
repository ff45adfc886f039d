import { DomainError, DomainErrorKind } from '@crm/kernel';

/** Stable codes of the sales floor; the time rules reuse the lead's codes (OCCURRED_IN_FUTURE, BACKDATED_TOO_FAR). */
export enum ShowroomErrorCode {
  InvalidVisitorCount = 'INVALID_VISITOR_COUNT',
}

export const SHOWROOM_ERROR_KINDS: Record<ShowroomErrorCode, DomainErrorKind> = {
  [ShowroomErrorCode.InvalidVisitorCount]: 'invalid',
};

export class ShowroomError extends DomainError<ShowroomErrorCode> {
  constructor(code: ShowroomErrorCode, message: string, field?: string) {
    super(code, message, SHOWROOM_ERROR_KINDS[code], field);
    this.name = 'ShowroomError';
  }
}
