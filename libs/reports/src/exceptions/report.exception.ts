import { DomainException } from '@app/persistence';

export enum ReportExceptionCode {
  REPORT_FORBIDDEN = 'REPORT_FORBIDDEN',
}

export class ReportException extends DomainException<ReportExceptionCode> {}
