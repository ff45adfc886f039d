import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every error answer; clients match on `code`. */
export class ErrorBodyView {
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'The first offending field (a dotted path into the body, or a header name)' }) field?: string;
  @ApiPropertyOptional({ type: Object, example: { existingLeadId: '2b0e6c1e-5d1a-4f0c-9a4e-8f3f0d1c2b3a' } }) details?: Record<string, unknown>;
}
