import ExcelJS from 'exceljs';
import { toCsv } from './to-csv.util';

export type ColumnFormat = 'text' | 'int' | 'percent' | 'decimal';

export interface ReportColumn {
  key: string;
  header: string;
  /** Printed under the header in the spreadsheet and appended to it in the CSV. */
  definition?: string;
  format: ColumnFormat;
  width?: number;
}

/** One report as a table: the shape both exports are made from. */
export interface ReportTable {
  title: string;
  subtitle: string;
  columns: ReportColumn[];
  rows: Array<Record<string, unknown>>;
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = { text: undefined, int: '0', percent: '0.00%', decimal: '0.0' };
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Rows above the data: title, subtitle, header, definitions. */
export const XLSX_HEADER_ROW = 3;
export const XLSX_FIRST_DATA_ROW = 5;

/** CSV with the definition of each figure in its header cell, so the file explains itself. */
export function tableToCsv(table: ReportTable): string {
  const header = table.columns.map((c) => (c.definition ? `${c.header} [${c.definition}]` : c.header));
  return toCsv(header, table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null)));
}

/** A styled, print-ready workbook: A4 landscape, fit to one page wide, header rows repeated on every page. */
export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jianyi';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW + 1}`,
    },
    headerFooter: { oddFooter: `&L${table.title}&R第 &P 页 / 共 &N 页` },
    views: [{ state: 'frozen', xSplit: 1, ySplit: XLSX_HEADER_ROW + 1 }],
  });
  const last = table.columns.length;
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width ?? (c.format === 'text' ? 24 : 14) }));
  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = table.subtitle;
  sheet.getCell(2, 1).font = { size: 10, color: { argb: 'FF555555' } };
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  table.columns.forEach((column, index) => {
    const header = sheet.getCell(XLSX_HEADER_ROW, index + 1);
    header.value = column.header;
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    header.border = BORDER;
    const definition = sheet.getCell(XLSX_HEADER_ROW + 1, index + 1);
    definition.value = column.definition ?? '';
    definition.font = { italic: true, size: 8, color: { argb: 'FF444444' } };
    definition.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    definition.alignment = { vertical: 'top', wrapText: true };
    definition.border = BORDER;
  });
  sheet.getRow(XLSX_HEADER_ROW).height = 32;
  sheet.getRow(XLSX_HEADER_ROW + 1).height = 64;
  table.rows.forEach((row, rowIndex) => {
    const excelRow = sheet.getRow(XLSX_FIRST_DATA_ROW + rowIndex);
    table.columns.forEach((column, index) => {
      const cell = excelRow.getCell(index + 1);
      const value = row[column.key];
      cell.value = value === undefined || value === null ? null : (value as ExcelJS.CellValue);
      if (NUMBER_FORMATS[column.format]) cell.numFmt = NUMBER_FORMATS[column.format] as string;
      cell.border = BORDER;
      if (rowIndex % 2 === 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F8FC' } };
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
