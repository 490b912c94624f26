import { Injectable } from '@nestjs/common';
import { AuthUser, JurisdictionProfileService, AsOfService } from '@app/accounts';
import { hasRole, Role } from '@app/workflows/common/actor';
import { PERFORMANCE_DEFINITIONS } from '../constants/figure-definitions.constant';
import { PerformanceQueryDto } from '../dtos/report-query.dto';
import { ReportException, ReportExceptionCode } from '../exceptions/report.exception';
import { ReportFactsRepository } from '../repositories/report-facts.repository';
import { checkReportReader } from '../utils/report-access.util';
import { ReportTable } from '../utils/report-table.util';

export interface PerformanceRow {
  deputyId: string;
  name: string;
  deputyNumber: string;
  delegation: string | null;
  led: number;
  cosigned: number;
  feedbackGiven: number;
  belowMinimum: boolean;
}

/** 履职档案: per deputy and year, suggestions led and co-signed, feedback given, and who falls short. */
@Injectable()
export class PerformanceService {
  constructor(
    private readonly facts: ReportFactsRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly calendar: AsOfService,
  ) {}

  async record(user: AuthUser, dto: PerformanceQueryDto) {
    checkReportReader(user);
    return this.build(user, dto.year, null);
  }

  /** A deputy's own record. */
  async own(user: AuthUser, dto: PerformanceQueryDto) {
    if (!user.deputyId || !hasRole(user, Role.DEPUTY)) throw new ReportException(ReportExceptionCode.REPORT_FORBIDDEN, 'Only a deputy has a performance record');
    return this.build(user, dto.year, user.deputyId);
  }

  table(result: Awaited<ReturnType<PerformanceService['record']>>): ReportTable {
    const d = PERFORMANCE_DEFINITIONS;
    return {
      title: `代表履职档案（${result.year}年）`,
      subtitle: `每年至少领衔或联名 ${result.minimum} 件；未达要求 ${result.belowMinimumCount} 人`,
      columns: [
        { key: 'deputyNumber', header: '编号 number', format: 'text', width: 10 },
        { key: 'name', header: '代表 deputy', format: 'text', width: 14 },
        { key: 'delegation', header: '代表团 delegation', format: 'text', width: 18 },
        { key: 'led', header: d.led.name, definition: d.led.definition, format: 'int' },
        { key: 'cosigned', header: d.cosigned.name, definition: d.cosigned.definition, format: 'int' },
        { key: 'feedbackGiven', header: d.feedbackGiven.name, definition: d.feedbackGiven.definition, format: 'int' },
        { key: 'belowMinimumLabel', header: d.belowMinimum.name, definition: d.belowMinimum.definition, format: 'text', width: 14 },
      ],
      rows: result.rows.map((row) => ({ ...row, belowMinimumLabel: row.belowMinimum ? '是 yes' : '否 no' })),
    };
  }

  private async build(user: AuthUser, year: number | undefined, onlyDeputyId: string | null) {
    const range = await this.calendar.year(user.jurisdictionId, year);
    const [profile, names, proposals, feedback] = await Promise.all([
      this.profiles.getProfile(user.jurisdictionId),
      this.facts.names(user),
      this.facts.proposals(user, range.from, range.to),
      this.facts.feedbackGiven(user, range.from, range.to),
    ]);
    const minimum = profile.deputyYearlyMinimum;
    const rows: PerformanceRow[] = names.deputies
      .filter((deputy) => onlyDeputyId === null || deputy.id === onlyDeputyId)
      .map((deputy) => {
        const own = proposals.filter((p) => p.deputyId === deputy.id);
        const led = own.filter((p) => p.role === 'LEAD').length;
        const cosigned = own.filter((p) => p.role === 'COSIGNER' && p.status === 'CONFIRMED').length;
        return {
          deputyId: deputy.id, name: deputy.name, deputyNumber: deputy.deputyNumber,
          delegation: names.delegations.find((d) => d.id === deputy.delegationId)?.name ?? null,
          led, cosigned, feedbackGiven: feedback.find((f) => f.deputyId === deputy.id)?.count ?? 0,
          belowMinimum: led + cosigned < minimum,
        };
      });
    const below = rows.filter((row) => row.belowMinimum);
    return { year: range.year, minimum, definitions: PERFORMANCE_DEFINITIONS, rows, belowMinimumCount: below.length, belowMinimum: below.map((row) => row.deputyId) };
  }
}
