import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainExceptionFilter, statusForCode } from './domain-exception.filter';
import { WorkflowExceptionCode } from '@app/workflow-engine';
import { SuggestionExceptionCode } from '@app/suggestions';
import { AccountsExceptionCode } from '@app/accounts';
import { NotificationExceptionCode } from '@app/notifications';
import { DisclosureExceptionCode } from '@app/disclosure';
import { ReportExceptionCode } from '@app/reports';
import { MeetingsExceptionCode } from '@app/meetings';
import { ReviewOpinionsExceptionCode } from '@app/review-opinions';

describe('statusForCode', () => {
  it.each([
    [WorkflowExceptionCode.INSTANCE_NOT_FOUND, 404],
    [WorkflowExceptionCode.EVENT_FORBIDDEN, 403],
    [WorkflowExceptionCode.EVENT_NOT_ACCEPTED_CONFLICT, 409],
    [WorkflowExceptionCode.EVENT_REFUSED_CONFLICT, 409],
    [WorkflowExceptionCode.VERSION_CONFLICT, 409],
    [WorkflowExceptionCode.IDEMPOTENCY_KEY_CONFLICT, 409],
    [WorkflowExceptionCode.INVALID_EVENT, 400],
    [SuggestionExceptionCode.SUGGESTION_NOT_FOUND, 404],
    [SuggestionExceptionCode.SUGGESTION_FORBIDDEN, 403],
    [AccountsExceptionCode.AUTH_UNAUTHORIZED, 401],
    [AccountsExceptionCode.DEMO_LOGIN_FORBIDDEN, 403],
    [AccountsExceptionCode.USER_NOT_FOUND, 404],
    [AccountsExceptionCode.JURISDICTION_NOT_FOUND, 404],
    [AccountsExceptionCode.SESSION_NOT_FOUND, 404],
    [AccountsExceptionCode.DEPUTY_NOT_FOUND, 404],
    [AccountsExceptionCode.UNIT_NOT_FOUND, 404],
    [AccountsExceptionCode.ROLE_FORBIDDEN, 403],
    [AccountsExceptionCode.LOGIN_THROTTLED, 429],
    [AccountsExceptionCode.CAPABILITY_FORBIDDEN, 403],
    [AccountsExceptionCode.PASSWORD_CHANGE_REQUIRED_FORBIDDEN, 403],
    [AccountsExceptionCode.SELF_LOCKOUT_FORBIDDEN, 403],
    [AccountsExceptionCode.USERNAME_CONFLICT, 409],
    [AccountsExceptionCode.INVALID_ROSTER, 400],
    [NotificationExceptionCode.NOTIFICATION_NOT_FOUND, 404],
    [MeetingsExceptionCode.MEETINGS_FORBIDDEN, 403],
    [ReviewOpinionsExceptionCode.REVIEW_LIST_NOT_FOUND, 404],
    [ReviewOpinionsExceptionCode.REVIEW_LIST_FORBIDDEN, 403],
    [MeetingsExceptionCode.KEY_PROPOSAL_NOT_FOUND, 404],
    [MeetingsExceptionCode.KEY_PROPOSAL_CONFLICT, 409],
    [MeetingsExceptionCode.COUNCIL_MEETING_NOT_FOUND, 404],
    [MeetingsExceptionCode.AGENDA_ITEM_NOT_FOUND, 404],
    [MeetingsExceptionCode.AGENDA_ITEM_CONFLICT, 409],
    [MeetingsExceptionCode.VOTE_SESSION_NOT_FOUND, 404],
    [MeetingsExceptionCode.VOTE_ITEM_CONFLICT, 409],
    [MeetingsExceptionCode.VOTE_SESSION_NOT_OPEN_CONFLICT, 409],
    [MeetingsExceptionCode.VOTER_FORBIDDEN, 403],
    [MeetingsExceptionCode.BALLOT_ALREADY_CAST_CONFLICT, 409],
    [MeetingsExceptionCode.ANNOUNCEMENT_NOT_FOUND, 404],
    [DisclosureExceptionCode.DISCLOSURE_NOT_FOUND, 404],
    [DisclosureExceptionCode.DISCLOSURE_FORBIDDEN, 403],
    [DisclosureExceptionCode.REDACTION_NOT_FOUND, 404],
    [ReportExceptionCode.REPORT_FORBIDDEN, 403],
    ['INVALID_INPUT', 400],
    ['SOMETHING_ELSE', 500],
  ])('%s → %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });
});

describe(DomainExceptionFilter.name, () => {
  const answer = (exception: unknown) => {
    const sent: { status?: number; body?: Record<string, unknown>; type?: string; removed?: string } = {};
    const json = (body: Record<string, unknown>) => (sent.body = body);
    const response = {
      setHeader: () => undefined,
      removeHeader: (name: string) => (sent.removed = name),
      status: (status: number) => ((sent.status = status), { type: (type: string) => ((sent.type = type), { json }) }),
    };
    const host = { switchToHttp: () => ({ getRequest: () => ({ headers: {}, method: 'POST', url: '/api/x' }), getResponse: () => response }) };
    new DomainExceptionFilter().catch(exception, host as never);
    const { status, body } = sent;
    expect(sent).toEqual({ status, body, type: 'application/json', removed: 'Content-Disposition' });
    return { status, body };
  };
  const pgError = (code: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('driver'), { code }));

  it.each(['22021', '22P05'])('answers a NUL character refused by PostgreSQL (%s) with 400 INVALID_INPUT and field errors', (code) => {
    expect(answer(pgError(code))).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 'INVALID_INPUT', errors: [{ field: '(request)', reason: expect.stringContaining('NUL') }] }),
    });
  });

  it.each([
    ['a server shutting down (57P01)', pgError('57P01')],
    ['a server starting up (57P03)', pgError('57P03')],
    ['a connection exception (08006)', pgError('08006')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection cut mid-query', new QueryFailedError('UPDATE …', [], new Error('Connection terminated unexpectedly'))],
    ['a transaction whose connection was cut (its query runner released)', new QueryRunnerProviderAlreadyReleasedError()],
    ['a COMMIT after the connection was cut', new QueryRunnerAlreadyReleasedError()],
  ])('answers %s with 503 DATABASE_UNAVAILABLE', (_label, exception) => {
    expect(answer(exception)).toEqual({ status: 503, body: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE' }) });
  });

  it('answers a deadlock between two events with 409 VERSION_CONFLICT', () => {
    expect(answer(pgError('40P01'))).toEqual({ status: 409, body: expect.objectContaining({ code: 'VERSION_CONFLICT' }) });
  });

  it('answers a body that is not JSON with 400 INVALID_INPUT naming the body', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed' });
    expect(answer(new BadRequestException('Unexpected token', { cause: parseError }))).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 'INVALID_INPUT', errors: [{ field: '(body)', reason: 'Unexpected token' }] }),
    });
  });

  it('keeps other HTTP errors as they are', () => {
    expect(answer(new PayloadTooLargeException('too large'))).toEqual({ status: 413, body: expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }) });
  });

  it('hides an unknown error behind a generic 500', () => {
    expect(answer(pgError('42P01'))).toEqual({ status: 500, body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' } });
  });
});
