import { BadRequestException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@crm/kernel';
import { WrongExpectedRevisionError } from '@crm/event-store';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it.each<[DomainErrorKind, number]>([
    ['invalid', 400], ['not_found', 404], ['conflict', 409], ['precondition_failed', 412], ['forbidden', 403], ['unprocessable', 422],
  ])('maps a domain error of kind %s to %i', (kind, status) => {
    const response = toErrorResponse(new DomainError('SOME_CODE', 'msg', kind, 'field', { a: 1 }));
    expect(response).toEqual({ status, body: { code: 'SOME_CODE', message: 'msg', field: 'field', details: { a: 1 } } });
  });

  it('leaves out field and details when the error has none', () => {
    expect(toErrorResponse(new DomainError('X', 'm', 'invalid')).body).toEqual({ code: 'X', message: 'm' });
  });

  it('maps a wrong expected revision to 412', () => {
    expect(toErrorResponse(new WrongExpectedRevisionError('lead-1', 3, 4)).status).toBe(412);
  });

  it('keeps an HttpException body that already has the API shape', () => {
    const response = toErrorResponse(new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'no' }));
    expect(response).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'no' } });
  });

  it('gives other HttpExceptions a code from their status', () => {
    expect(toErrorResponse(new NotFoundException()).body.code).toBe('NOT_FOUND');
    expect(toErrorResponse(new BadRequestException('bad')).body.code).toBe('VALIDATION_FAILED');
    expect(toErrorResponse(new HttpException('teapot', 418)).body.code).toBe('HTTP_418');
  });

  it('hides anything unexpected behind a 500 INTERNAL without its message', () => {
    expect(toErrorResponse(new Error('database password is hunter2'))).toEqual({ status: 500, body: { code: 'INTERNAL', message: 'Internal error' } });
  });
});
