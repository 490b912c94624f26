import ExcelJS from 'exceljs';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

const CODE = 'rosters-e2e';
const DEPUTY_HEADER = ['姓名', '代表证号', '代表团', '电话', '工作单位'];

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function csv(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.csv.writeBuffer());
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('rosters: importing and exporting deputies and units', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let token: string;

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '名册县', deputies: 3 });
    const office = await actorsOf(system, CODE)('office');
    token = (await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: CODE, username: 'office' })).body.accessToken;
    expect(office.userId).toBe(directory.users.office);
  });

  afterAll(async () => system.close());

  const upload = (path: string, file: Buffer, name: string, auth = token) =>
    system.http().post(path).set('Authorization', `Bearer ${auth}`).attach('file', file, name);
  const counts = async () => {
    const [row] = await system.dataSource.query(
      `SELECT (SELECT count(*)::int FROM deputies WHERE jurisdiction_id = $1) AS deputies,
              (SELECT count(*)::int FROM handling_units WHERE jurisdiction_id = $1) AS units,
              (SELECT count(*)::int FROM audit_events WHERE jurisdiction_id = $1 AND event_type = 'ROSTER_IMPORTED') AS imports`,
      [directory.jurisdictionId],
    );
    return row as { deputies: number; units: number; imports: number };
  };

  it('imports a clean .xlsx of deputies in one go, updating known numbers and adding new ones', async () => {
    const file = await xlsx([
      DEPUTY_HEADER,
      ['王建国', 'D001', '城关镇代表团', '13900000001', '县一中'],
      ['新代表甲', 'D101', '东湖镇代表团', '0513-80001111', '东湖镇卫生院'],
      ['新代表乙', 'D102', '青山乡代表团', 13912345678, ''],
    ]);
    const before = await counts();
    const dry = await upload('/api/rosters/deputies/import?dryRun=true', file, 'deputies.xlsx').expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'xlsx', rows: 3, valid: true, errors: [], created: 2, updated: 1 });
    expect(await counts()).toEqual(before);

    const done = await upload('/api/rosters/deputies/import', file, 'deputies.xlsx').expect(200);
    expect(done.body).toMatchObject({ dryRun: false, valid: true, created: 2, updated: 1 });
    expect(await counts()).toEqual({ ...before, deputies: before.deputies + 2, imports: before.imports + 1 });
    const [updated] = await system.dataSource.query('SELECT name, employer FROM deputies WHERE jurisdiction_id = $1 AND deputy_number = $2', [
      directory.jurisdictionId, 'D001',
    ]);
    expect(updated).toEqual({ name: '王建国', employer: '县一中' });
  });

  it('lists every bad row of a file holding every kind of problem, and writes nothing even without dry run', async () => {
    const rows = [
      DEPUTY_HEADER,
      ['合格代表', 'D201', '城关镇代表团', '13900000201', ''],
      ['', 'D202', '城关镇代表团', '', ''],
      ['缺号代表', '', '城关镇代表团', '', ''],
      ['重号代表', 'D201', '东湖镇代表团', '', ''],
      ['外团代表', 'D203', '不存在的代表团', '', ''],
      ['错号代表', 'D204', '青山乡代表团', '12345', ''],
      ['缺团代表', 'D205', '', '', ''],
    ];
    const expected = [
      { row: 3, field: 'name', reason: 'MISSING' },
      { row: 4, field: 'deputyNumber', reason: 'MISSING' },
      { row: 5, field: 'deputyNumber', reason: 'DUPLICATE_NUMBER', value: 'D201', firstRow: 2 },
      { row: 6, field: 'delegation', reason: 'UNKNOWN_DELEGATION', value: '不存在的代表团' },
      { row: 7, field: 'phone', reason: 'MALFORMED_PHONE', value: '12345' },
      { row: 8, field: 'delegation', reason: 'MISSING' },
    ];
    const before = await counts();
    for (const [file, name] of [[await xlsx(rows), 'bad.xlsx'], [await csv(rows), 'bad.csv']] as const) {
      const dry = await upload('/api/rosters/deputies/import?dryRun=true', file, name).expect(200);
      expect(dry.body).toMatchObject({ valid: false, rows: 7 });
      expect(dry.body.errors).toEqual(expected);
      const refused = await upload('/api/rosters/deputies/import', file, name).expect(400);
      expect(refused.body).toMatchObject({ code: 'INVALID_ROSTER', errors: expected });
    }
    expect(await counts()).toEqual(before);
  });

  it('imports units from a UTF-8 .csv with BOM, and refuses duplicate codes and malformed contact numbers', async () => {
    const clean = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      await csv([['单位名称', '单位代码', '单位类别', '联系电话'], ['县文化广电和旅游局', 'WGLJ', '政府部门', '0513-80002222'], ['县总工会', 'ZGH', '群团组织', '']]),
    ]);
    const done = await upload('/api/rosters/units/import', clean, 'units.csv').expect(200);
    expect(done.body).toMatchObject({ format: 'csv', created: 2, updated: 0, valid: true });

    const bad = await csv([['单位名称', '单位代码', '单位类别', '联系电话'], ['甲', 'WGLJ', '政府部门', 'call me'], ['乙', 'wglj', '', ''], ['丙', 'NEW1', '政府部门', '']]);
    const before = await counts();
    const refused = await upload('/api/rosters/units/import', bad, 'units.csv').expect(400);
    expect(refused.body.errors).toEqual([
      { row: 2, field: 'contact', reason: 'MALFORMED_PHONE', value: 'call me' },
      { row: 3, field: 'kind', reason: 'MISSING' },
      { row: 3, field: 'code', reason: 'DUPLICATE_CODE', value: 'wglj', firstRow: 2 },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names a missing column, refuses an unreadable file and a file that is too large', async () => {
    const noDelegation = await upload('/api/rosters/deputies/import?dryRun=true', await xlsx([['姓名', '代表证号'], ['甲', 'D9']]), 'x.xlsx').expect(200);
    expect(noDelegation.body.errors).toEqual([{ row: 1, field: 'delegation', reason: 'MISSING_COLUMN', value: '代表团' }]);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    expect((await upload('/api/rosters/deputies/import', broken, 'x.xlsx').expect(400)).body.errors).toEqual([
      { field: 'file', reason: 'cannot be read as .xlsx' },
    ]);
    await system.http().post('/api/rosters/deputies/import').set('Authorization', `Bearer ${token}`).expect(400);
    await upload('/api/rosters/deputies/import', Buffer.alloc(6 * 1024 * 1024, 0x41), 'huge.csv').expect(413);
  });

  it('exports both lists as .xlsx and .csv in the layout the import reads back', async () => {
    const deputies = await system.http().get('/api/rosters/deputies/export?format=xlsx').set('Authorization', `Bearer ${token}`)
      .buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); })
      .expect(200);
    expect(deputies.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(deputies.body as Buffer);
    expect(rows[0]).toEqual([...DEPUTY_HEADER, '状态']);
    expect(rows.find((row) => row[1] === 'D101')).toEqual(['新代表甲', 'D101', '东湖镇代表团', '0513-80001111', '东湖镇卫生院', '在任']);

    const units = await system.http().get('/api/rosters/units/export?format=csv').set('Authorization', `Bearer ${token}`).expect(200);
    expect(units.headers['content-type']).toContain('text/csv');
    expect(units.text.charCodeAt(0)).toBe(0xfeff);
    expect(units.text).toContain('县文化广电和旅游局,WGLJ,政府部门,0513-80002222,启用');

    // Round trip: the export imports cleanly and changes nothing.
    const again = await upload('/api/rosters/deputies/import?dryRun=true', deputies.body as Buffer, 'again.xlsx').expect(200);
    expect(again.body).toMatchObject({ valid: true, created: 0 });
    await system.http().get('/api/rosters/units/export?format=pdf').set('Authorization', `Bearer ${token}`).expect(400);
  });
});
