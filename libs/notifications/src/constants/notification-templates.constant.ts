/**
 * The Chinese wording of every notification the workflows raise. `{subject}` is the item as people name it
 * (第12号《关于…的建议》, 审议意见清单《…》); `due` names the deadlines whose dates the message states
 * ("答复截止：2026年6月30日"), read from the item's open deadlines when the message is delivered.
 */
export interface NotificationTemplate {
  title: string;
  body: string;
  due?: string[];
}

const voteFailed: NotificationTemplate = { title: '满意度测评未通过', body: '{subject}在常委会满意度测评中未通过，需重新办理并再次报告。', due: ['REHANDLING_REPLY', 'REPORT_AGAIN'] };

export const NOTIFICATION_TEMPLATES: Record<string, NotificationTemplate> = {
  COSIGN_INVITED: { title: '联名邀请', body: '您被邀请联名{subject}，请确认或拒绝；全部联名代表确认后建议才能提交。' },
  COSIGN_REMOVED: { title: '联名邀请已撤销', body: '领衔代表已不再邀请您联名{subject}。' },
  COSIGN_CONFIRMED: { title: '联名代表已确认', body: '有代表已确认联名{subject}；全部确认后即可提交。' },
  COSIGN_DECLINED: { title: '联名代表已拒绝', body: '有代表拒绝联名{subject}，您可以移除后提交，或另行邀请。' },
  SUGGESTION_SUBMITTED: { title: '新提交的建议待审查', body: '{subject}已提交，请审查。' },
  SUGGESTION_ACCEPTED: { title: '建议已立案', body: '{subject}已立案，将交有关单位办理。' },
  SUGGESTION_MERGED: { title: '建议已并案办理', body: '{subject}已与内容相同的建议并案办理；您仍会收到答复，并可反馈意见。' },
  SUGGESTION_CONVERTED_TO_LETTER: { title: '建议转作来信处理', body: '{subject}经审查转作来信处理，理由见建议页面。' },
  SUGGESTION_REJECTED: { title: '建议不予立案', body: '{subject}经审查不予立案，理由见建议页面。' },
  SUGGESTION_WITHDRAWN: { title: '建议已撤回', body: '{subject}已由领衔代表撤回，停止办理。' },
  ASSIGNED: { title: '新交办事项', body: '{subject}已交贵单位办理，请及时签收并按期答复。', due: ['ADJUSTMENT', 'CO_UNIT_OPINION', 'REPLY', 'REVIEW_ITEM', 'PROJECT_MILESTONE', 'PROGRESS_REPORT'] },
  ASSIGNMENT_OVERDUE: { title: '交办超期', body: '{subject}已超过交办期限，请尽快交办。' },
  ADJUSTMENT_REQUESTED: { title: '申请调整承办单位', body: '有承办单位申请调整{subject}的承办单位，请审核决定。' },
  ADJUSTMENT_APPROVED: { title: '调整申请已同意', body: '贵单位对{subject}的调整申请已获同意，不再承办。' },
  ADJUSTMENT_REFUSED: { title: '调整申请未同意', body: '贵单位对{subject}的调整申请未获同意，请继续办理。', due: ['REPLY'] },
  CO_UNIT_OPINION_RECEIVED: { title: '协办意见已送达', body: '协办单位已就{subject}提交书面意见，请汇总后答复。', due: ['REPLY'] },
  OPINION_OVERDUE: { title: '协办意见超期', body: '{subject}的协办意见已超过期限，尚未送达主办单位。', due: ['REPLY'] },
  EXTENSION_REQUESTED: { title: '申请延期答复', body: '有承办单位申请延期答复{subject}，请审核决定。' },
  EXTENSION_APPROVED: { title: '延期申请已同意', body: '{subject}的延期答复申请已同意。', due: ['REPLY'] },
  EXTENSION_REFUSED: { title: '延期申请未同意', body: '{subject}的延期答复申请未获同意，请按原期限答复。', due: ['REPLY'] },
  REPLIED: { title: '收到答复', body: '{subject}已答复，请查看答复内容。', due: ['FEEDBACK'] },
  REHANDLING_NEEDED: { title: '代表不满意，需重新办理', body: '代表对{subject}的办理不满意，请重新交办。' },
  REHANDLING_ASSIGNED: { title: '重新交办', body: '{subject}已重新交贵单位办理，请在期限内重新答复。', due: ['REHANDLING_REPLY', 'REVIEW_REWORK'] },
  REHANDLING_AFTER_FAILED_VOTE: { ...voteFailed, body: '{subject}在常委会满意度测评中未通过，已重新交贵单位办理。' },
  FOLLOW_UP_NEEDED: { title: '转入跟踪办理', body: '{subject}转入跟踪办理；问题解决后请再次答复，不能兑现的请说明情况。' },
  FOLLOW_UP_REPLIED: { title: '跟踪办理有新答复', body: '{subject}跟踪办理有新的答复，请查看。' },
  FOLLOW_UP_EXPLAINED: { title: '跟踪办理情况说明', body: '承办单位就{subject}的跟踪办理作出了情况说明，请查看。' },
  READY_TO_CLOSE: { title: '可以办结', body: '{subject}的办理已完成反馈或跟踪答复，可以办结。' },
  CLOSED: { title: '已办结', body: '{subject}已办结。' },
  KEY_SUGGESTION_ASSIGNED: { title: '重点建议领办督办', body: '{subject}已确定为重点建议，请您领办或督办。', due: ['REPLY'] },
  KEY_VOTE_PASSED: { title: '满意度测评通过', body: '{subject}在常委会满意度测评中获得通过。' },
  KEY_VOTE_FAILED: voteFailed,
  VOTE_FAILED: voteFailed,
  OVERDUE: { title: '办理超期', body: '{subject}已超过办理期限，请督促办理。' },
  REPORT_AGAIN_OVERDUE: { title: '再次报告超期', body: '{subject}测评未通过后再次报告的期限已过。' },
  DISCLOSURE_OVERDUE: { title: '网上公开超期', body: '{subject}已超过网上公开期限，请尽快审查公开。' },
  DEADLINE_REMINDER: { title: '{deadline}期限提醒', body: '{subject}{deadline}将于{dueDate}到期（还有{days}天），请及时办理。' },
};

/** For a template the catalogue lacks (a newer workflow): still Chinese, still naming the item. */
export const FALLBACK_TEMPLATE: NotificationTemplate = { title: '办理动态', body: '{subject}有新的办理动态，请查看。' };

export const DEADLINE_LABELS: Record<string, string> = {
  ASSIGNMENT: '交办',
  ADJUSTMENT: '申请调整',
  CO_UNIT_OPINION: '协办意见',
  REPLY: '答复',
  REPLY_MAX: '延期答复',
  REHANDLING_REPLY: '重新办理答复',
  FEEDBACK: '征询意见反馈',
  DISCLOSURE: '网上公开',
  REPORT_AGAIN: '再次报告',
  REVIEW_ITEM: '审议意见办理',
  REVIEW_REWORK: '审议意见重新办理',
  REVIEW_REPORT: '书面报告',
  PROJECT_MILESTONE: '项目节点',
  PROGRESS_REPORT: '进展报告',
};
