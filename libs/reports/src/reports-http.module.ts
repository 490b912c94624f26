import { Module } from '@nestjs/common';
import { ReportsController } from './controllers/reports.controller';
import { ReportsModule } from './reports.module';

/** The reports' HTTP surface (api only). */
@Module({ imports: [ReportsModule], controllers: [ReportsController] })
export class ReportsHttpModule {}
