export interface RosterColumn<K extends string> {
  key: K;
  /** Header texts accepted on import (compared without spaces, case-insensitively); the first is written on export. */
  labels: string[];
  required: boolean;
  maxLength: number;
}

export type DeputyField = 'name' | 'deputyNumber' | 'delegation' | 'phone' | 'employer';
export type UnitField = 'name' | 'code' | 'kind' | 'contact';

export const DEPUTY_COLUMNS: RosterColumn<DeputyField>[] = [
  { key: 'name', labels: ['姓名', 'name'], required: true, maxLength: 100 },
  { key: 'deputyNumber', labels: ['代表证号', '代表编号', '编号', 'deputy number', 'deputynumber', 'number'], required: true, maxLength: 32 },
  { key: 'delegation', labels: ['代表团', '代表小组', 'delegation'], required: true, maxLength: 100 },
  { key: 'phone', labels: ['电话', '联系电话', '手机', 'phone'], required: false, maxLength: 32 },
  { key: 'employer', labels: ['工作单位', '单位', 'employer'], required: false, maxLength: 200 },
];

export const UNIT_COLUMNS: RosterColumn<UnitField>[] = [
  { key: 'name', labels: ['单位名称', '名称', 'name'], required: true, maxLength: 100 },
  { key: 'code', labels: ['单位代码', '代码', 'code'], required: true, maxLength: 32 },
  { key: 'kind', labels: ['单位类别', '类别', 'kind'], required: true, maxLength: 50 },
  { key: 'contact', labels: ['联系电话', '联系方式', 'contact'], required: false, maxLength: 32 },
];

/** Why a row is refused. */
export enum RosterErrorReason {
  MISSING = 'MISSING',
  MISSING_COLUMN = 'MISSING_COLUMN',
  DUPLICATE_NUMBER = 'DUPLICATE_NUMBER',
  DUPLICATE_CODE = 'DUPLICATE_CODE',
  UNKNOWN_DELEGATION = 'UNKNOWN_DELEGATION',
  MALFORMED_PHONE = 'MALFORMED_PHONE',
  TOO_LONG = 'TOO_LONG',
}

/** Upload limits: a county roster is a few hundred rows; these leave room for a province. */
export const ROSTER_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 20_000;
