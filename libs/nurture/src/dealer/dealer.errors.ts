import { DomainError, DomainErrorKind } from '@crm/kernel';

/** Stable codes of the dealer's settings and consultants; clients match on these. */
export enum DealerErrorCode {
  /** Another dealer's id: answered as if it did not exist. */
  DealerNotFound = 'DEALER_NOT_FOUND',
  /** Only a manager or an admin of the dealer (or the system) manages it. */
  DealerAccessForbidden = 'DEALER_ACCESS_FORBIDDEN',
  DealerRevisionMismatch = 'DEALER_REVISION_MISMATCH',
  DealerBusy = 'DEALER_BUSY',
  InvalidTimeZone = 'INVALID_TIME_ZONE',
  InvalidQuietHours = 'INVALID_QUIET_HOURS',
  InvalidResponseMinutes = 'INVALID_RESPONSE_MINUTES',
  InvalidWarningDays = 'INVALID_WARNING_DAYS',
  InvalidCadence = 'INVALID_CADENCE',
  InvalidConsultant = 'INVALID_CONSULTANT',
  ConsultantNotFound = 'CONSULTANT_NOT_FOUND',
  /** The dealer has no consultant to hand a lead to. */
  NoConsultantAvailable = 'NO_CONSULTANT_AVAILABLE',
}

export const DEALER_ERROR_KINDS: Record<DealerErrorCode, DomainErrorKind> = {
  [DealerErrorCode.DealerNotFound]: 'not_found',
  [DealerErrorCode.DealerAccessForbidden]: 'forbidden',
  [DealerErrorCode.DealerRevisionMismatch]: 'precondition_failed',
  [DealerErrorCode.DealerBusy]: 'conflict',
  [DealerErrorCode.InvalidTimeZone]: 'invalid',
  [DealerErrorCode.InvalidQuietHours]: 'invalid',
  [DealerErrorCode.InvalidResponseMinutes]: 'invalid',
  [DealerErrorCode.InvalidWarningDays]: 'invalid',
  [DealerErrorCode.InvalidCadence]: 'invalid',
  [DealerErrorCode.InvalidConsultant]: 'invalid',
  [DealerErrorCode.ConsultantNotFound]: 'not_found',
  [DealerErrorCode.NoConsultantAvailable]: 'conflict',
};

export class DealerError extends DomainError<DealerErrorCode> {
  constructor(code: DealerErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(code, message, DEALER_ERROR_KINDS[code], field, details);
    this.name = 'DealerError';
  }
}

export function dealerFail(code: DealerErrorCode, message: string, field?: string): never {
  throw new DealerError(code, message, field);
}
