import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalidInput } from '@app/persistence';
import { ROSTER_MAX_ROWS } from '../constants/roster-columns.constant';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** 1-based row number as the office sees it in the spreadsheet. */
  row: number;
  cells: string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buffer: Buffer, magic: number[]) => magic.every((byte, index) => buffer[index] === byte);

/** .xlsx is a zip; anything else is read as CSV. The old binary .xls is refused with a hint. */
export function detectFormat(buffer: Buffer): SheetFormat {
  if (startsWith(buffer, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(buffer, OLE_MAGIC)) throw invalidInput([{ field: 'file', reason: 'old .xls files are not read: save it as .xlsx or .csv' }]);
  return 'csv';
}

/** The first worksheet's rows as trimmed text, blank rows dropped, row numbers kept. */
export async function readSheet(buffer: Buffer): Promise<{ format: SheetFormat; rows: SheetRow[] }> {
  const format = detectFormat(buffer);
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(buffer as never);
      sheet = workbook.worksheets[0];
    } else {
      // Keep every value as typed: deputy numbers like 001 and phone numbers must not become numbers.
      sheet = await workbook.csv.read(Readable.from([decodeText(buffer)]), { map: (value: string) => value } as never);
    }
  } catch {
    throw invalidInput([{ field: 'file', reason: `cannot be read as ${format === 'xlsx' ? '.xlsx' : '.csv'}` }]);
  }
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, (value) => cellText(value));
    if (cells.some((cell) => cell !== '')) rows.push({ row: rowNumber, cells });
  });
  if (rows.length > ROSTER_MAX_ROWS + 1) throw invalidInput([{ field: 'file', reason: `has more than ${ROSTER_MAX_ROWS} rows` }]);
  return { format, rows };
}

/** UTF-8 (with or without BOM) as most tools write; otherwise GB18030, as Excel on a Chinese Windows saves CSV. */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** A cell as the text the office sees: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('').trim();
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return '';
    return '';
  }
  return String(value).trim();
}

/** Exports: an .xlsx with a bold header row, or a UTF-8 CSV with BOM (so Excel shows Chinese) and formula-safe cells. */
export async function writeSheet({ format, title, header, rows }: { format: SheetFormat; title: string; header: string[]; rows: string[][] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(format === 'csv' ? row.map(neutraliseFormula) : row);
  sheet.columns.forEach((column) => (column.width = 18));
  if (format === 'xlsx') return Buffer.from(await workbook.xlsx.writeBuffer());
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]);
}

/** A CSV cell starting with = + - @ would run as a formula when opened in a spreadsheet. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
