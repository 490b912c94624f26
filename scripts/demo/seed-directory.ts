import { DataSource } from 'typeorm';
import { PasswordHasher } from '@app/accounts';
import { Role } from '@app/workflows/common/actor';

/** Every demo user's password, so password sign-in works in the demo as well as the demo login. */
export const DEMO_PASSWORD = 'jianyi-demo';

// One hash for the whole seed: hashing each of ~60 users would cost seconds in every test file.
let demoPasswordHash: Promise<string> | null = null;
const demoHash = () => (demoPasswordHash ??= new PasswordHasher().hash(DEMO_PASSWORD));

export interface SeededDirectory {
  jurisdictionId: string;
  code: string;
  sessionId: string;
  delegationIds: string[];
  deputyIds: string[];
  unitIds: string[];
  /** username → user id */
  users: Record<string, string>;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕', '卫东', '红梅', '国庆', '晓明', '春兰'];
const DELEGATIONS = ['城关镇代表团', '东湖镇代表团', '青山乡代表团'];
const UNITS: Array<[string, string, string]> = [
  ['县发展和改革局', 'FGJ', '政府部门'], ['县教育局', 'JYJ', '政府部门'], ['县公安局', 'GAJ', '政府部门'],
  ['县财政局', 'CZJ', '政府部门'], ['县自然资源局', 'ZRZYJ', '政府部门'], ['县住房和城乡建设局', 'ZJJ', '政府部门'],
  ['县交通运输局', 'JTJ', '政府部门'], ['县农业农村局', 'NYJ', '政府部门'], ['县卫生健康委员会', 'WJW', '政府部门'],
  ['县生态环境局', 'HBJ', '政府部门'], ['县人民法院', 'FY', '法院'], ['县人民检察院', 'JCY', '检察院'],
];

/**
 * A fictional county congress: one session, 3 delegations of deputies, 12 handling units and a user for every role.
 * Used by the demo seed and by the tests, each with its own jurisdiction code.
 */
export async function seedDirectory(
  dataSource: DataSource,
  { code, name, deputies = 30, year = 2026 }: { code: string; name: string; deputies?: number; year?: number },
): Promise<SeededDirectory> {
  const passwordHash = await demoHash();
  return dataSource.transaction(async (manager) => {
    const insert = async (sql: string, params: unknown[]) => ((await manager.query(sql, params)) as Array<{ id: string }>)[0].id;
    const jurisdictionId = await insert('INSERT INTO jurisdictions (code, name, profile) VALUES ($1, $2, $3) RETURNING id', [code, name, {}]);
    const sessionId = await insert(
      'INSERT INTO congress_sessions (jurisdiction_id, term, session_number, name, year) VALUES ($1, 17, 3, $2, $3) RETURNING id',
      [jurisdictionId, `第十七届人民代表大会第三次会议`, year],
    );
    const delegationIds: string[] = [];
    for (const delegation of DELEGATIONS) {
      delegationIds.push(await insert('INSERT INTO delegations (jurisdiction_id, name) VALUES ($1, $2) RETURNING id', [jurisdictionId, delegation]));
    }
    const users: Record<string, string> = {};
    const addUser = async (username: string, displayName: string, roles: Role[], link: { deputyId?: string; unitId?: string } = {}) => {
      users[username] = await insert(
        `INSERT INTO users (jurisdiction_id, username, display_name, roles, deputy_id, unit_id, password_hash, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
        [jurisdictionId, username, displayName, roles, link.deputyId ?? null, link.unitId ?? null, passwordHash],
      );
    };
    const deputyIds: string[] = [];
    for (let index = 0; index < deputies; index++) {
      const deputyName = `${SURNAMES[index % SURNAMES.length]}${GIVEN[index % GIVEN.length]}`;
      const number = String(index + 1).padStart(3, '0');
      const deputyId = await insert(
        `INSERT INTO deputies (jurisdiction_id, delegation_id, name, deputy_number, phone, employer)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [jurisdictionId, delegationIds[index % delegationIds.length], deputyName, `D${number}`, `1390000${number.padStart(4, '0')}`, '示例单位'],
      );
      deputyIds.push(deputyId);
      await addUser(`deputy${number}`, deputyName, [Role.DEPUTY], { deputyId });
    }
    const unitIds: string[] = [];
    for (const [index, [unitName, unitCode, kind]] of UNITS.entries()) {
      const unitId = await insert(
        'INSERT INTO handling_units (jurisdiction_id, name, code, kind, contact) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [jurisdictionId, unitName, unitCode, kind, `0513-8000${String(index).padStart(4, '0')}`],
      );
      unitIds.push(unitId);
      const slug = unitCode.toLowerCase();
      await addUser(`${slug}-staff`, `${unitName}经办人`, [Role.UNIT_STAFF], { unitId });
      await addUser(`${slug}-head`, `${unitName}负责人`, [Role.UNIT_HEAD, Role.UNIT_STAFF], { unitId });
    }
    await addUser('office', '人代工委经办人', [Role.OFFICE]);
    await addUser('gov-office', '政府督查室', [Role.GOV_OFFICE]);
    await addUser('gov-leader', '副县长 周明', [Role.GOV_LEADER]);
    await addUser('sc-leader', '人大常委会副主任 钱进', [Role.SC_LEADER, Role.COUNCIL_MEMBER, Role.SC_MEMBER]);
    await addUser('council', '主任会议成员 孙平', [Role.COUNCIL_MEMBER, Role.SC_MEMBER]);
    await addUser('member', '常委会委员 李安', [Role.SC_MEMBER]);
    await addUser('admin', '系统管理员', [Role.ADMIN]);
    return { jurisdictionId, code, sessionId, delegationIds, deputyIds, unitIds, users };
  });
}
