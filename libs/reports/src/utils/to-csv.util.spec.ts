import { toCsv } from './to-csv.util';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines and quotes only where needed', () => {
    expect(toCsv(['名称', 'n'], [['a,b', 1], ['say "hi"\nthere', null]])).toBe('\uFEFF名称,n\r\n"a,b",1\r\n"say ""hi""\nthere",\r\n');
  });

  it('defuses formulas but keeps negative numbers', () => {
    expect(toCsv(['x'], [['=SUM(A1)'], ['-0.5'], ['@cmd']])).toBe("\uFEFFx\r\n'=SUM(A1)\r\n-0.5\r\n'@cmd\r\n");
  });

  it('writes dates as ISO instants', () => {
    expect(toCsv(['at'], [[new Date('2026-03-10T02:00:00Z')]])).toBe('\uFEFFat\r\n2026-03-10T02:00:00.000Z\r\n');
  });
});
