import { Text } from '../../leads/dto/field.decorators';

export class AddConsultantDto {
  @Text(false, 100) consultantId!: string;
  @Text(false, 200) name!: string;
  @Text(true, 500) reason?: string;
}
