import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiErrorCode } from './api-error-code';
import { ApiError } from './api-error';

/** Unknown fields are rejected (whitelist + forbidNonWhitelisted); the 400 names the first bad field by its path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const [field, message] = firstProblem(errors, '');
      return new ApiError(ApiErrorCode.ValidationFailed, message, 'invalid', field || undefined);
    },
  });
}

function firstProblem(errors: ValidationError[], prefix: string): [string, string] {
  const error = errors[0];
  if (!error) return [prefix, 'invalid request'];
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const message = error.constraints ? mostTelling(error.constraints) : undefined;
  if (message !== undefined) return [path, message.replace(error.property, path)];
  return firstProblem(error.children ?? [], path);
}

/** Range rules also fail for a value of the wrong type (NaN > 500); the type rule says what is really wrong. */
const RANGE_RULES = new Set(['min', 'max', 'minLength', 'maxLength', 'arrayMinSize', 'arrayMaxSize']);

function mostTelling(constraints: Record<string, string>): string | undefined {
  const entries = Object.entries(constraints);
  return (entries.find(([rule]) => !RANGE_RULES.has(rule)) ?? entries[0])?.[1];
}
