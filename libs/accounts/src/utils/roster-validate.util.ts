import { RosterColumn, RosterErrorReason } from '../constants/roster-columns.constant';
import type { SheetRow } from './roster-sheet.util';

export interface RosterError {
  row: number;
  field: string;
  reason: RosterErrorReason;
  value?: string;
  /** For a duplicate: the row that used the number first. */
  firstRow?: number;
}

export interface ParsedRoster<K extends string> {
  /** Rows without a problem: what an import writes. */
  records: Array<{ row: number; values: Record<K, string> }>;
  /** Every data row, clean or not (a duplicate is found even when its first use has another problem). */
  all: Array<{ row: number; values: Record<K, string> }>;
  errors: RosterError[];
}

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(\+?86)?0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** A mainland mobile or landline number, spaces and brackets allowed around the parts. */
export function isPhone(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, '');
  return MOBILE.test(compact) || LANDLINE.test(compact);
}

const normaliseHeader = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Maps the header row to columns, then checks every data row: required cells, lengths and phone numbers.
 * Every problem is reported (not only the first), each with its spreadsheet row and field.
 */
export function parseRoster<K extends string>(rows: SheetRow[], columns: RosterColumn<K>[], phoneFields: K[]): ParsedRoster<K> {
  const [header, ...data] = rows;
  if (!header) return { records: [], all: [], errors: [{ row: 1, field: '(header)', reason: RosterErrorReason.MISSING }] };
  const positions = new Map<K, number>();
  const errors: RosterError[] = [];
  for (const column of columns) {
    const labels = column.labels.map(normaliseHeader);
    const index = header.cells.findIndex((cell) => labels.includes(normaliseHeader(cell)));
    if (index >= 0) positions.set(column.key, index);
    else if (column.required) errors.push({ row: header.row, field: column.key, reason: RosterErrorReason.MISSING_COLUMN, value: column.labels[0] });
  }
  if (errors.length > 0) return { records: [], all: [], errors };
  const records: ParsedRoster<K>['records'] = [];
  const all: ParsedRoster<K>['all'] = [];
  for (const { row, cells } of data) {
    const values = {} as Record<K, string>;
    let clean = true;
    for (const column of columns) {
      const index = positions.get(column.key);
      // A leading apostrophe is how spreadsheets (and our CSV export) keep a value as text.
      const value = index === undefined ? '' : (cells[index] ?? '').replace(/^'/, '').trim();
      values[column.key] = value;
      const problem = checkCell(column, value, phoneFields.includes(column.key));
      if (problem) {
        errors.push({ row, field: column.key, reason: problem, ...(value ? { value } : {}) });
        clean = false;
      }
    }
    all.push({ row, values });
    if (clean) records.push({ row, values });
  }
  return { records, all, errors };
}

function checkCell<K extends string>(column: RosterColumn<K>, value: string, isPhoneField: boolean): RosterErrorReason | null {
  if (value === '') return column.required ? RosterErrorReason.MISSING : null;
  if (value.length > column.maxLength) return RosterErrorReason.TOO_LONG;
  if (isPhoneField && !isPhone(value)) return RosterErrorReason.MALFORMED_PHONE;
  return null;
}

/** Flags every later row that repeats a key (deputy number, unit code) used by an earlier row, and drops it. */
export function flagDuplicates<K extends string>(parsed: ParsedRoster<K>, key: K, reason: RosterErrorReason): ParsedRoster<K> {
  const firstRow = new Map<string, number>();
  const duplicateRows = new Set<number>();
  const errors = [...parsed.errors];
  for (const { row, values } of parsed.all) {
    const value = values[key].toUpperCase();
    if (value === '') continue;
    const first = firstRow.get(value);
    if (first === undefined) {
      firstRow.set(value, row);
      continue;
    }
    errors.push({ row, field: key, reason, value: values[key], firstRow: first });
    duplicateRows.add(row);
  }
  const records = parsed.records.filter((record) => !duplicateRows.has(record.row));
  return { ...parsed, records, errors: errors.sort((a, b) => a.row - b.row) };
}
