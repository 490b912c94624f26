export const STATE_LABELS: Record<string, string> = {
  draft: '草稿', review: '待审查', awaitingAssignment: '待交办', inProgress: '办理中', awaitingFeedback: '待代表反馈',
  awaitingRehandling: '待重新交办', followUp: '跟踪办理', awaitingClose: '待办结', closed: '已办结', merged: '已并案',
  convertedToLetter: '转来信处理', rejected: '不予立案', withdrawn: '已撤回',
};

export const STATE_COLORS: Record<string, string> = {
  draft: 'default', review: 'processing', awaitingAssignment: 'processing', inProgress: 'blue', awaitingFeedback: 'cyan',
  awaitingRehandling: 'orange', followUp: 'purple', awaitingClose: 'geekblue', closed: 'green', merged: 'default',
  convertedToLetter: 'default', rejected: 'red', withdrawn: 'default',
};

export const EVENT_LABELS: Record<string, string> = {
  INVITE_COSIGNER: '邀请联名', REMOVE_COSIGNER: '移除联名', CONFIRM_COSIGN: '确认联名', DECLINE_COSIGN: '拒绝联名',
  SUBMIT: '提交建议', WITHDRAW: '撤回建议', ACCEPT: '立案', MERGE: '并案', ABSORB: '接收并案', CONVERT_TO_LETTER: '转来信处理',
  REJECT: '不予立案', ASSIGN: '交办', ACKNOWLEDGE: '签收', REQUEST_ADJUSTMENT: '申请调整', DECIDE_ADJUSTMENT: '处理调整申请',
  RECORD_CONTACT: '记录见面沟通', SUBMIT_OPINION: '提交协办意见', REQUEST_EXTENSION: '申请延期', DECIDE_EXTENSION: '审批延期',
  REPLY: '答复', GIVE_FEEDBACK: '填写征询意见', REASSIGN_FOR_REHANDLING: '重新交办', FOLLOW_UP_REPLY: '跟踪答复',
  FOLLOW_UP_EXPLAIN: '说明情况', MARK_KEY: '确定为重点建议', UNMARK_KEY: '取消重点建议', RECORD_HEARING: '记录听取汇报',
  RECORD_VOTE_RESULT: '记录测评结果', CLOSE: '办结', DECIDE_DISCLOSURE: '公开审查', DEADLINE_PASSED: '期限届满', CREATED: '创建',
  ATTACHMENT_ADDED: '添加附件', ATTACHMENT_REMOVED: '删除附件',
};

export const DEADLINE_LABELS: Record<string, string> = {
  ASSIGNMENT: '交办期限', ADJUSTMENT: '申请调整期限', CO_UNIT_OPINION: '协办意见期限', REPLY: '答复期限',
  REHANDLING_REPLY: '重新办理期限', FEEDBACK: '代表反馈期限', DISCLOSURE: '网上公开期限', REPORT_AGAIN: '再次报告期限',
};

export const ROLE_LABELS: Record<string, string> = {
  DEPUTY: '代表', UNIT_STAFF: '承办单位经办人', UNIT_HEAD: '承办单位负责人', OFFICE: '人代工委', GOV_OFFICE: '政府督查室',
  GOV_LEADER: '政府领导', SC_LEADER: '常委会领导', COUNCIL_MEMBER: '主任会议成员', SC_MEMBER: '常委会组成人员', ADMIN: '管理员',
};

export const SATISFACTION_OPTIONS = [
  { value: 'SATISFIED', label: '满意' },
  { value: 'BASICALLY_SATISFIED', label: '基本满意' },
  { value: 'UNSATISFIED', label: '不满意' },
];

export const CLASSIFICATION_OPTIONS = [
  { value: 'A', label: 'A 类：解决或基本解决' },
  { value: 'B', label: 'B 类：正在解决或列入计划解决' },
  { value: 'C', label: 'C 类：因条件限制留作参考' },
  { value: 'D', label: 'D 类：留作参考' },
];

export const SATISFACTION_LABELS: Record<string, string> = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' };

export const VOTE_STATE_LABELS: Record<string, string> = { created: '待开始', open: '投票中', closed: '已结束', published: '已公告', cancelled: '已取消' };

export const KEY_STATE_LABELS: Record<string, string> = {
  none: '—', selected: '已确定', heard: '已听取汇报', voted: '已测评', passed: '测评通过', failed: '测评未通过', reportAgain: '再次报告',
};

export const PROPOSAL_STATUS_LABELS: Record<string, string> = { PROPOSED: '待主任会议决定', APPROVED: '已同意', REJECTED: '未同意' };

export const AGENDA_STATUS_LABELS: Record<string, string> = { PENDING: '待听取', HEARD: '已听取', DEFERRED: '已推迟' };

export const ASSIGNMENT_ROLE_LABELS: Record<string, string> = { LEAD: '主办', CO: '协办', SEPARATE: '分办' };

export const DISCLOSURE_STATE_LABELS: Record<string, string> = {
  notDue: '未到公开阶段', pending: '待公开审查', published: '已公开', summaryPublished: '已摘要公开', withheld: '不予公开',
};

/** A countdown in whole days, as the inbox and the deadlines card show it. */
export function countdown(dueAt: string, now = Date.now()): { text: string; color: string; overdue: boolean } {
  const ms = new Date(dueAt).getTime() - now;
  const days = Math.floor(Math.abs(ms) / 86_400_000);
  if (ms < 0) return { text: `已超期 ${days} 天`, color: 'red', overdue: true };
  if (days === 0) return { text: '今天到期', color: 'red', overdue: false };
  return { text: `剩余 ${days} 天`, color: days <= 7 ? 'orange' : 'green', overdue: false };
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}
