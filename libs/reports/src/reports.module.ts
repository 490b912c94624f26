import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { ReportFactsRepository } from './repositories/report-facts.repository';
import { AsOfService } from './services/as-of.service';
import { FiguresService } from './services/figures.service';
import { PerformanceService } from './services/performance.service';
import { ReportRenderer } from './services/report-renderer.service';
import { ReportsService } from './services/reports.service';

@Module({
  imports: [AccountsModule],
  providers: [ReportFactsRepository, AsOfService, FiguresService, PerformanceService, ReportRenderer, ReportsService],
  exports: [ReportsService, FiguresService, PerformanceService],
})
export class ReportsModule {}
