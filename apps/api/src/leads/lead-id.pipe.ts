import { Injectable, PipeTransform } from '@nestjs/common';
import { ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw new ApiError(ApiErrorCode.ValidationFailed, `${field} must be a UUID`, 'invalid', field);
  }
}
