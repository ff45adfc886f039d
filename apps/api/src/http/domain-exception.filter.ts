import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { ApiResponse } from './api-request';
import { toErrorResponse } from './error-response';

/** Turns every error into `{ code, message, field?, details? }`; only unexpected ones are 5xx, and those are logged. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ApiResponse & { json(body: unknown): void }>();
    const { status, body } = toErrorResponse(exception);
    // A 503 is an expected state (a rebuild, a store away) and says when to come back; other 5xx are bugs.
    if (status >= 500 && status !== 503) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    if (response.headersSent) return;
    const retryAfter = body.details?.retryAfterSeconds;
    if (status === 503 && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json(body);
  }
}
