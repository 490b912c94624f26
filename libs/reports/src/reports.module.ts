import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { LivelihoodProjectsModule } from '@app/livelihood-projects';
import { ReportFactsRepository } from './repositories/report-facts.repository';
import { ReviewOpinionFactsRepository } from './repositories/review-opinion-facts.repository';
import { FiguresService } from './services/figures.service';
import { LivelihoodFiguresSection } from './services/livelihood-figures-section.service';
import { PerformanceService } from './services/performance.service';
import { ReportRenderer } from './services/report-renderer.service';
import { ReportsService } from './services/reports.service';
import { ReviewOpinionFiguresService } from './services/review-opinion-figures.service';

@Module({
  imports: [AccountsModule, LivelihoodProjectsModule],
  providers: [ReportFactsRepository, FiguresService, PerformanceService, ReportRenderer, ReportsService,
    LivelihoodFiguresSection,
    ReviewOpinionFactsRepository, ReviewOpinionFiguresService],
  exports: [ReportsService, FiguresService, PerformanceService],
})
export class ReportsModule {}
