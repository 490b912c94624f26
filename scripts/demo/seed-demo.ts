import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig, PersistenceModule } from '@app/persistence';
import { AuthUser, DirectoryRepository, toAuthUser } from '@app/accounts';
import { SuggestionService, SuggestionsModule } from '@app/suggestions';
import { seedDirectory } from './seed-directory';

export const DEMO_JURISDICTION = 'demo-county';

const SUGGESTIONS: Array<{ title: string; category: string; content: string }> = [
  { title: '关于在城东新区增设公交站点的建议', category: '环资城建', content: '城东新区入住居民逐年增多，现有公交站点间距过大，建议增设站点并优化线路。' },
  { title: '关于加强农村饮用水水源保护的建议', category: '农业农村', content: '部分村镇饮用水水源地周边存在养殖污染，建议划定保护范围并加强巡查。' },
  { title: '关于增加城区学校学位供给的建议', category: '教科文卫', content: '城区适龄儿童增长较快，建议加快新建学校并统筹调配学位。' },
  { title: '关于完善社区居家养老服务的建议', category: '社会建设', content: '建议推广社区助餐点和上门护理服务，完善居家养老服务网络。' },
  { title: '关于规范老旧小区加装电梯的建议', category: '环资城建', content: '老旧小区加装电梯审批环节多、资金筹集难，建议出台统一办法。' },
  { title: '关于支持小微企业融资的建议', category: '财政经济', content: '建议设立小微企业应急转贷资金，降低融资成本。' },
  { title: '关于治理县城停车难问题的建议', category: '环资城建', content: '县城中心区停车位严重不足，建议建设公共停车场并推行智慧停车。' },
  { title: '关于提升乡镇卫生院服务能力的建议', category: '教科文卫', content: '建议加强乡镇卫生院人才引进和设备配置，方便群众就近就医。' },
  { title: '关于加强校园周边交通安全管理的建议', category: '民主法制', content: '上下学时段校园周边交通拥堵，建议增设护学岗和交通设施。' },
  { title: '关于推进农村生活垃圾分类的建议', category: '农业农村', content: '建议完善农村垃圾分类收运体系，建立长效保洁机制。' },
];

@Module({ imports: [SuggestionsModule] })
class SeedModule {}

/**
 * Loads a fictional county once: its directory, then suggestions driven through the real service in several states
 * (draft, under review, assigned, replied, closed, rejected), so a newcomer sees a living system at once.
 */
export async function seedDemo(config: AppConfig): Promise<boolean> {
  const app = await NestFactory.createApplicationContext(
    { module: SeedModule, imports: [PersistenceModule.forRoot(config), SuggestionsModule] },
    { logger: ['error', 'warn'] },
  );
  try {
    const directory = app.get(DirectoryRepository);
    if (await directory.findJurisdictionByCode(DEMO_JURISDICTION)) return false;
    const seeded = await seedDirectory(app.get(DataSource), { code: DEMO_JURISDICTION, name: '示例县人民代表大会' });
    const scope = { jurisdictionId: seeded.jurisdictionId };
    const user = async (username: string): Promise<AuthUser> => toAuthUser((await directory.findUserByUsername(scope, username))!);
    const service = app.get(SuggestionService);
    const office = await user('office');
    const ids: string[] = [];
    for (const [index, suggestion] of SUGGESTIONS.entries()) {
      const lead = await user(`deputy${String(index + 1).padStart(3, '0')}`);
      const cosigner = seeded.deputyIds[(index + 10) % seeded.deputyIds.length];
      const created = await service.create(lead, {
        sessionId: seeded.sessionId, ...suggestion, duringSession: index < 6, agreesToDisclosure: true, cosignerIds: [cosigner],
      });
      ids.push(created.id);
      if (index === 0) continue; // left as a draft awaiting its co-signer
      const cosignerUser = toAuthUser((await directory.listUsers(scope)).find((u) => u.deputyId === cosigner)!);
      await service.sendEvent(cosignerUser, created.id, { type: 'CONFIRM_COSIGN' });
      await service.sendEvent(lead, created.id, { type: 'SUBMIT' });
      if (index === 1) continue; // under review
      if (index === 2) {
        await service.sendEvent(office, created.id, { type: 'REJECT', reason: '属于个人诉求，建议通过信访渠道反映' });
        continue;
      }
      await service.sendEvent(office, created.id, { type: 'ACCEPT' });
    }
    // The assignment meeting: the rest go out in one batch, the lead unit with a co-unit.
    const [transport, housing] = [seeded.unitIds[6], seeded.unitIds[5]];
    await service.batchAssign(office, {
      suggestionIds: ids.slice(3),
      assignment: { mode: 'LEAD_WITH_CO_UNITS', leadUnitId: transport, unitIds: [transport, housing] },
    });
    const transportStaff = await user('jtj-staff');
    const housingStaff = await user('zjj-staff');
    for (const id of ids.slice(3, 6)) {
      await service.sendEvent(housingStaff, id, { type: 'SUBMIT_OPINION', text: '同意主办单位意见，配合做好相关工作。' });
      await service.sendEvent(transportStaff, id, {
        type: 'RECORD_CONTACT', method: 'MEETING', contactedAt: new Date(Date.now() - 3_600_000).toISOString(), participants: '领衔代表、承办单位分管领导',
      });
      await service.sendEvent(transportStaff, id, {
        type: 'REPLY', classification: id === ids[3] ? 'A' : 'B', text: '经研究，已制定实施方案并纳入年度计划。',
        signedBy: '县交通运输局局长', contactPerson: '张明', contactPhone: '0513-80000006', agreesToDisclosure: true,
      });
    }
    // The first replied item: the deputies are satisfied, it is disclosed and closed.
    const closedId = ids[3];
    for (const username of ['deputy004', `deputy${String(((3 + 10) % 30) + 1).padStart(3, '0')}`]) {
      await service.sendEvent(await user(username), closedId, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' });
    }
    await service.sendEvent(office, closedId, { type: 'DECIDE_DISCLOSURE', mode: 'FULL' });
    await service.sendEvent(office, closedId, { type: 'CLOSE' });
    console.log(`Demo jurisdiction "${DEMO_JURISDICTION}" loaded: ${seeded.deputyIds.length} deputies, ${seeded.unitIds.length} units, ${ids.length} suggestions`);
    return true;
  } finally {
    await app.close();
  }
}
