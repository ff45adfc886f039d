import { INVITATION_KINDS, INVITATION_RESPONSES, TOUCH_CHANNELS } from '@crm/lead';
import { CommandBodyDto } from './command-body.dto';
import { Instant, OneOf, Text } from './field.decorators';

export class SendInvitationDto extends CommandBodyDto {
  @OneOf(INVITATION_KINDS) kind!: (typeof INVITATION_KINDS)[number];
  @OneOf(TOUCH_CHANNELS) channel!: (typeof TOUCH_CHANNELS)[number];
  @Text(true, 200) eventName?: string;
  @Instant() proposedFor?: string;
}

export class AnswerInvitationDto extends CommandBodyDto {
  @OneOf(INVITATION_RESPONSES) response!: (typeof INVITATION_RESPONSES)[number];
  @Text(true) note?: string;
}

export class RecordInvitationAttendanceDto extends CommandBodyDto {}
