import { ApiPropertyOptional } from '@nestjs/swagger';

/** The half-open window [from, to) a report covers, as UTC ISO times; an open end is left out. */
export class PeriodView {
  @ApiPropertyOptional({ format: 'date-time' }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) to?: string;
}
