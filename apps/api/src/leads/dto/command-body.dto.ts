import { Instant, Text } from './field.decorators';

/** When it happened: back-dating within the policy window, never into the future. */
export class TimedCommandBodyDto {
  @Instant() occurredAt?: string;
}

/** What every command body may carry: when it happened and why (the audit trail's metadata.reason). */
export class CommandBodyDto extends TimedCommandBodyDto {
  @Text(true, 500) reason?: string;
}
