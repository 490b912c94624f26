import { hasRole, Role } from '@app/workflows/common/actor';
import type { AuthUser } from '@app/accounts';
import { ReportException, ReportExceptionCode } from '../exceptions/report.exception';

/** Who reads the year's figures: the office, the government office and the leaders and members who supervise. */
const READERS = [Role.OFFICE, Role.ADMIN, Role.GOV_OFFICE, Role.GOV_LEADER, Role.SC_LEADER, Role.COUNCIL_MEMBER, Role.SC_MEMBER];

export function checkReportReader(user: AuthUser): void {
  if (!hasRole(user, ...READERS)) throw new ReportException(ReportExceptionCode.REPORT_FORBIDDEN, 'Reports are for the office and the supervising leaders');
}
