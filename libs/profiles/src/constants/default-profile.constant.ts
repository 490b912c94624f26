import type { JurisdictionProfile } from '../dtos/jurisdiction-profile.dto';
import { DeadlineUnit } from '../profile.types';
import { deepFreeze } from '../utils/deep-freeze.util';

const workingDays = (amount: number) => ({ amount, unit: DeadlineUnit.WORKING_DAYS });
const months = (amount: number) => ({ amount, unit: DeadlineUnit.MONTHS });

/**
 * Defaults from domain.md (national and provincial practice). Deeply frozen: resolveProfile copies
 * it, so overrides never leak between jurisdictions.
 */
export const DEFAULT_PROFILE: JurisdictionProfile = deepFreeze({
  deadlines: {
    ASSIGNMENT: workingDays(5),
    ADJUSTMENT: workingDays(5),
    CO_UNIT_OPINION: months(1),
    REPLY: months(3),
    REPLY_MAX: months(6),
    REHANDLING_REPLY: months(1),
    FEEDBACK: workingDays(20),
    DISCLOSURE: workingDays(20),
    REPORT_AGAIN: months(3),
  },
  reminderOffsetsDays: [30, 7, 1],
  classifications: [
    { code: 'A', label: '解决或基本解决' },
    { code: 'B', label: '正在解决或列入计划解决' },
    { code: 'C', label: '因条件限制待以后解决' },
    { code: 'D', label: '留作参考' },
  ],
  solvedClassifications: ['A'],
  followUpClassifications: ['B', 'C'],
  plannedClassifications: ['B'],
  categories: ['财政经济', '农业农村', '社会建设', '教科文卫', '环资城建', '民主法制', '其他'],
  satisfactionLabels: { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' },
  maxRehandlingRounds: 1,
  requireContactBeforeReply: true,
  requireCoUnitOpinionsBeforeReply: true,
  rehandlingTrigger: 'EITHER',
  vote: { failWhenUnsatisfiedExceedsShare: 0.5, inviteDeputies: false },
  calendar: { extraHolidays: [], extraWorkdays: [] },
  timezone: 'Asia/Shanghai',
  numbering: { prefix: '第', suffix: '号' },
  deputyYearlyMinimum: 1,
  unitScoring: {
    weights: { replyRate: 30, onTimeRate: 10, resolvedRate: 20, solvedOrPlannedRate: 10, satisfiedOrBasicallyRateFinal: 20, contactRate: 10 },
    overduePenalty: 1,
  },
  reviewOpinions: { item: months(2), report: months(2), rework: months(1) },
  livelihood: { approvalShareOfAllDeputies: 0.5, progressReport: months(3) },
});
