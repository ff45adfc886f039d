import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches } from 'class-validator';
import { CHANNELS } from '@crm/lead';
import { Int, Nested, Text } from '../../leads/dto/field.decorators';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursDto {
  @Text(false, 5) @Matches(LOCAL_TIME, { message: '$property must be a local time HH:mm' }) start!: string;
  @Text(false, 5) @Matches(LOCAL_TIME, { message: '$property must be a local time HH:mm' }) end!: string;
}

export class WarningDaysDto {
  @Int(1, true, 1098) goingCold?: number;
  @Int(1, true, 1098) touchOverdue?: number;
  @Int(1, true, 1098) followUpStalled?: number;
  @Int(1, true, 1098) churn?: number;
}

/** Only what is sent changes; the rest stays as the dealer stream has it (or the defaults). */
export class ChangeDealerSettingsDto {
  @Text(true, 64) timeZone?: string;
  @Nested(() => QuietHoursDto) quietHours?: QuietHoursDto;
  @ApiPropertyOptional({
    type: 'object', additionalProperties: { type: 'integer', minimum: 1 },
    description: `Minutes to the first contact, by lead channel (${CHANNELS.join(', ')})`, example: { website: 60, walk_in: 1440 },
  })
  @IsOptional() @IsObject() responseMinutes?: Record<string, number>;
  @Nested(() => WarningDaysDto) warningDays?: WarningDaysDto;
  @ApiPropertyOptional({
    type: 'object', additionalProperties: true,
    description: 'The dealer\'s own cadence entries: `tiers.<T1..T5>` = { handOff, touches: [{ rule, purpose, channel, content, marketing, after: { months?, days?, hours? } }] }, `winBack.<lost reason>` = a touch, or null for none',
  })
  @IsOptional() @IsObject() cadence?: Record<string, unknown>;
  @Text(true, 500) reason?: string;
}
