import { Injectable } from '@nestjs/common';
import type { ReportFormat } from '../dtos/report-query.dto';
import { ReportTable, tableToCsv, tableToXlsx } from '../utils/report-table.util';

export interface RenderedReport {
  body: unknown;
  contentType?: string;
  filename?: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One report, three forms: the JSON answer, a CSV and a printable spreadsheet made from the same table. */
@Injectable()
export class ReportRenderer {
  async render(format: ReportFormat, json: unknown, table: () => ReportTable, name: string): Promise<RenderedReport> {
    if (format === 'csv') return { body: tableToCsv(table()), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
    if (format === 'xlsx') return { body: await tableToXlsx(table()), contentType: XLSX_TYPE, filename: `${name}.xlsx` };
    return { body: json };
  }
}
