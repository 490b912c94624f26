import { DEPUTY_COLUMNS, RosterErrorReason } from '../constants/roster-columns.constant';
import { flagDuplicates, isPhone, parseRoster } from './roster-validate.util';

describe('roster validation', () => {
  it.each([
    ['13900001234', true],
    ['139 0000 1234', true],
    ['+8613900001234', true],
    ['0513-80001234', true],
    ['(0513)80001234', true],
    ['12345', false],
    ['1390000123', false],
    ['电话号码', false],
  ])('isPhone(%s) is %p', (value, expected) => {
    expect(isPhone(value)).toBe(expected);
  });

  it('reports every bad cell with its row and field, and a repeated number after its first row', () => {
    const rows = [
      { row: 1, cells: ['姓名', '代表证号', '代表团', '电话', '工作单位'] },
      { row: 2, cells: ['王一', 'D1', '城关镇代表团', '13900000001', 'A'] },
      { row: 3, cells: ['', 'D2', '城关镇代表团', 'abc', 'B'] },
      { row: 5, cells: ['李三', 'd1', '城关镇代表团', '', ''] },
    ];
    const parsed = flagDuplicates(parseRoster(rows, DEPUTY_COLUMNS, ['phone']), 'deputyNumber', RosterErrorReason.DUPLICATE_NUMBER);
    expect(parsed.errors).toEqual([
      { row: 3, field: 'name', reason: RosterErrorReason.MISSING },
      { row: 3, field: 'phone', reason: RosterErrorReason.MALFORMED_PHONE, value: 'abc' },
      { row: 5, field: 'deputyNumber', reason: RosterErrorReason.DUPLICATE_NUMBER, value: 'd1', firstRow: 2 },
    ]);
    expect(parsed.records.map((record) => record.row)).toEqual([2]);
  });

  it('names a missing required column and reads English headers too', () => {
    const missing = parseRoster([{ row: 1, cells: ['name', 'number'] }], DEPUTY_COLUMNS, ['phone']);
    expect(missing.errors).toEqual([{ row: 1, field: 'delegation', reason: RosterErrorReason.MISSING_COLUMN, value: '代表团' }]);
  });
});
