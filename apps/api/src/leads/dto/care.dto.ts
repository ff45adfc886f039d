import { IsEmail, IsOptional } from 'class-validator';
import { COMPLAINT_CATEGORIES } from '@crm/lead';
import { CommandBodyDto } from './command-body.dto';
import { Birthday, Flag, OneOf, Text } from './field.decorators';

export class ChangeContactDetailsDto extends CommandBodyDto {
  @Text(true, 200) name?: string;
  @Text(true, 40) phone?: string;
  @Text(true, 254) @IsOptional() @IsEmail() email?: string;
  @Text(true, 100) wechat?: string;
  @Birthday() birthday?: string;
}

export class ChangeMarketingConsentDto extends CommandBodyDto {
  @Flag() marketingConsent!: boolean;
}

export class FileComplaintDto extends CommandBodyDto {
  @OneOf(COMPLAINT_CATEGORIES) category!: (typeof COMPLAINT_CATEGORIES)[number];
  @Text(false, 4000) description!: string;
}

export class ResolveComplaintDto extends CommandBodyDto {
  @Text(false, 4000) cause!: string;
  @Text(false, 4000) remedy!: string;
}
