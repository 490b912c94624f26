import { statusForCode } from './domain-exception.filter';
import { WorkflowExceptionCode } from '@app/workflow-engine';
import { SuggestionExceptionCode } from '@app/suggestions';
import { AccountsExceptionCode } from '@app/accounts';
import { NotificationExceptionCode } from '@app/notifications';

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
    [NotificationExceptionCode.NOTIFICATION_NOT_FOUND, 404],
    ['INVALID_INPUT', 400],
    ['SOMETHING_ELSE', 500],
  ])('%s → %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });
});
