/** Chinese wording of each notification the workflows raise; `{number}` and `{title}` are filled in. */
export const NOTIFICATION_TEMPLATES: Record<string, { title: string; body: string }> = {
  COSIGN_INVITED: { title: '联名邀请', body: '您被邀请联名建议《{title}》，请确认。' },
  SUBMITTED: { title: '建议已提交', body: '建议《{title}》已提交，等待审查。' },
  SUGGESTION_ACCEPTED: { title: '建议已立案', body: '建议《{title}》已立案，编号{number}。' },
  SUGGESTION_MERGED: { title: '建议已并案', body: '建议《{title}》已与同类建议并案办理。' },
  SUGGESTION_CONVERTED: { title: '建议转作来信处理', body: '建议《{title}》已转作来信处理。' },
  SUGGESTION_REJECTED: { title: '建议不予立案', body: '建议《{title}》不予立案。' },
  SUGGESTION_WITHDRAWN: { title: '建议已撤回', body: '建议《{title}》已由代表撤回。' },
  ASSIGNED: { title: '新交办建议', body: '{number}《{title}》已交办贵单位，请按期办理。' },
  ADJUSTMENT_REQUESTED: { title: '申请调整承办单位', body: '{number}《{title}》有承办单位申请调整。' },
  ADJUSTMENT_DECIDED: { title: '调整申请已处理', body: '{number}《{title}》的调整申请已处理。' },
  OPINION_SUBMITTED: { title: '协办意见已送达', body: '{number}《{title}》的协办单位已提交意见。' },
  EXTENSION_REQUESTED: { title: '申请延期答复', body: '{number}《{title}》有承办单位申请延期。' },
  EXTENSION_DECIDED: { title: '延期申请已处理', body: '{number}《{title}》的延期申请已处理。' },
  REPLIED: { title: '建议已答复', body: '{number}《{title}》已答复，请填写征询意见表。' },
  FEEDBACK_GIVEN: { title: '代表已反馈', body: '{number}《{title}》代表已反馈意见。' },
  REHANDLING_NEEDED: { title: '需重新办理', body: '{number}《{title}》代表不满意，需重新办理。' },
  REHANDLING_ASSIGNED: { title: '重新交办', body: '{number}《{title}》已重新交办，请在期限内重新答复。' },
  CLOSED: { title: '建议已办结', body: '{number}《{title}》已办结。' },
  KEY_SELECTED: { title: '重点建议', body: '{number}《{title}》已确定为重点建议。' },
  VOTE_FAILED: { title: '满意度测评未通过', body: '{number}《{title}》满意度测评未通过，需重新办理并再次报告。' },
  OVERDUE: { title: '办理超期', body: '{number}《{title}》已超过答复期限。' },
  OPINION_OVERDUE: { title: '协办意见超期', body: '{number}《{title}》协办意见已超期。' },
  ASSIGNMENT_OVERDUE: { title: '交办超期', body: '{number}《{title}》已超过交办期限。' },
  DISCLOSURE_OVERDUE: { title: '公开超期', body: '{number}《{title}》已超过网上公开期限。' },
  FEEDBACK_OVERDUE: { title: '反馈期限已过', body: '{number}《{title}》征询意见期限已过。' },
  DEADLINE_REMINDER: { title: '期限提醒', body: '{number}《{title}》{deadline}将于{dueDate}到期（还有{days}天）。' },
};

export const DEADLINE_LABELS: Record<string, string> = {
  ASSIGNMENT: '交办',
  ADJUSTMENT: '申请调整',
  CO_UNIT_OPINION: '协办意见',
  REPLY: '答复',
  REHANDLING_REPLY: '重新办理答复',
  FEEDBACK: '征询意见反馈',
  DISCLOSURE: '网上公开',
  REPORT_AGAIN: '再次报告',
};

/** Fills `{name}` placeholders; a template the catalogue lacks still yields a readable message. */
export function renderTemplate(template: string, data: Record<string, unknown>): { title: string; body: string } {
  const entry = NOTIFICATION_TEMPLATES[template] ?? { title: template, body: '{title}' };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(data[name] ?? ''));
  return { title: fill(entry.title), body: fill(entry.body) };
}
