import { ApiError } from './api/client';

export const REVIEW_LIST_STATE_LABELS: Record<string, string> = {
  draft: '待交办', handling: '办理中', reported: '已报告待测评', done: '已办结', cancelled: '已取消',
};

export const REVIEW_ITEM_STATUS: Record<string, { label: string; color: string }> = {
  ASSIGNED: { label: '办理中', color: 'processing' },
  REPORTED: { label: '已报送待审核', color: 'blue' },
  SENT_BACK: { label: '退回重办', color: 'orange' },
  CLOSED: { label: '已销号', color: 'green' },
};

export const REVIEW_RESULT: Record<string, { label: string; color: string }> = {
  PASSED: { label: '测评通过', color: 'green' },
  FAILED: { label: '测评未通过', color: 'red' },
  PENDING: { label: '待测评', color: 'gold' },
};

export const LIVELIHOOD_STATE_LABELS: Record<string, string> = {
  collecting: '征集候选项目', review: '常委会审议候选项目', approved: '候选项目已确定', voting: '代表投票中', runoff: '待再次投票',
  tracking: '项目实施中', done: '已完成', cancelled: '已取消',
};

export const OUTCOME: Record<string, { label: string; color: string }> = {
  CHOSEN: { label: '当选', color: 'green' },
  RUNOFF: { label: '票数相同，待再次投票', color: 'orange' },
  OUTRANKED: { label: '过半数但名额已满', color: 'default' },
  FAILED: { label: '未过半数', color: 'default' },
};

export const SOURCE_LABELS: Record<string, string> = { GOVERNMENT: '政府征集', PUBLIC: '群众提出' };

export const OVERSIGHT_EVENT_LABELS: Record<string, string> = {
  ASSIGN: '交办', REPORT_ITEM: '报送办理情况', CLOSE_ITEM: '销号', SEND_BACK_ITEM: '退回重办', SUBMIT_REPORT: '提交书面报告',
  CONCLUDE: '办结', CANCEL: '取消', ADD_CANDIDATE: '添加候选项目', WITHDRAW_CANDIDATE: '撤回候选项目', SUBMIT_LIST: '提请常委会审议',
  RETURN_LIST: '退回候选名单', APPROVE_LIST: '通过候选名单', OPEN: '开始投票', CLOSE: '结束投票', OPEN_RUNOFF: '开始再次投票',
  SET_MILESTONES: '设定节点', REPORT_PROGRESS: '报送进展', REPORT_TO_COMMITTEE: '向常委会报告', RECORD_VOTE_RESULT: '记录测评结果',
  DEADLINE_PASSED: '期限届满',
};

/** Codes of these screens whose meaning the generic status text does not carry. */
const CODE_TEXT: Record<string, string> = {
  LIVELIHOOD_PROPOSAL_THROTTLED: '提交过于频繁：同一网络每小时最多提交 5 条，全县每天最多受理 500 条，请稍后再试',
  LIVELIHOOD_JURISDICTION_NOT_FOUND: '没有这个人大的公开网站，请检查网址',
  LIVELIHOOD_BALLOT_NOT_OPEN_CONFLICT: '本轮投票尚未开始或已经结束，选票未记录',
  LIVELIHOOD_BALLOT_ALREADY_CAST_CONFLICT: '您在本轮已经投过票，这张选票未记录',
  LIVELIHOOD_VOTER_FORBIDDEN: '您不在本轮有表决权的代表名单中',
};

const FIELD_TEXT: Record<string, string> = {
  title: '项目名称', description: '项目内容', location: '地点', proposerName: '姓名', contact: '联系方式', candidateIds: '选票',
};

const REASON_TEXT: Array<[RegExp, string]> = [
  [/must be shorter than or equal to (\d+) characters/, '不能超过 $1 个字'],
  [/must not be blank|should not be empty/, '不能为空'],
  [/must be a string/, '必须是文字'],
  [/approves (\d+) candidates; a ballot may approve at most (\d+)/, '选了 $1 项，每张选票最多只能选 $2 项'],
  [/no active unit of this jurisdiction/, '不是本级现有的单位，请重新选择'],
  [/must be a UUID/, '请从列表中选择'],
  [/must contain at least (\d+) elements/, '至少需要 $1 条'],
  [/must contain no more than (\d+) elements/, '最多 $1 条'],
];

/** A reason the API gives in English for one field, in words; unknown ones as they came. */
export function reasonInWords(reason: string): string {
  const known = REASON_TEXT.find(([pattern]) => pattern.test(reason));
  return known ? reason.replace(new RegExp(`.*${known[0].source}.*`), known[1]) : reason;
}

/** The Chinese text of an answer of these screens: known codes and fields in words, else the client's own description. */
export function oversightErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return (error as Error).message;
  const { body } = error;
  if (CODE_TEXT[body.code]) return CODE_TEXT[body.code];
  if (body.errors?.length) {
    return `提交的内容有误：${body.errors.map(({ field, reason }) => {
      const words = reasonInWords(reason);
      return `${FIELD_TEXT[field] ?? field}${words === reason ? ` ${reason}` : words}`;
    }).join('；')}`;
  }
  return error.message;
}

/** A livelihood vote's heading: its title, prefixed with the year unless the title already names it. */
export const livelihoodVoteTitle = (vote: { year: number; title: string }) =>
  (vote.title.includes(`${vote.year}`) ? vote.title : `${vote.year}年 · ${vote.title}`);
