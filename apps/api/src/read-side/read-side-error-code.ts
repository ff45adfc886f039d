/** Codes the read side answers with; clients match on these. */
export enum ReadSideErrorCode {
  /** minPosition was not reached in time: retry shortly (409 through DomainError kind 'conflict'). */
  ReadModelBehind = 'READ_MODEL_BEHIND',
  /** `from` is not before `to`. */
  InvalidPeriod = 'READ_SIDE_INVALID_PERIOD',
}
