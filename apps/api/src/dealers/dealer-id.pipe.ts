import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';

/** A dealer id as tokens carry it (`dealer-sh-01`): letters, digits, `.`, `_`, `-`, at most 64. */
const DEALER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@Injectable()
export class DealerIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (DEALER_ID.test(value)) return value;
    const field = metadata.data ?? 'dealerId';
    throw new ApiError(ApiErrorCode.ValidationFailed, `${field} must be 1-64 letters, digits, '.', '_' or '-'`, 'invalid', field);
  }
}
