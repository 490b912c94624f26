/** Every figure the reports compute, with its name and its definition from domain.md, shown beside it everywhere. */
export const FIGURE_DEFINITIONS = {
  assigned: { name: '交办件数 assigned', kind: 'count', definition: 'suggestions (for a unit: its lead or separate assignments) assigned in the first round by the date, less those withdrawn before a reply' },
  replied: { name: '已答复 replied', kind: 'count', definition: 'assigned items whose first-round reply (every replying unit’s) was sent by the date' },
  repliedOnTime: { name: '按期答复 replied on time', kind: 'count', definition: 'replied items whose every first-round reply was sent on or before the reply deadline in force' },
  replyRate: { name: '办复率 reply rate', kind: 'rate', definition: 'replied on time ÷ assigned' },
  onTimeRate: { name: '按期答复率 on-time rate', kind: 'rate', definition: 'replied on time ÷ replied' },
  overdueOpen: { name: '逾期未复 overdue, not replied', kind: 'count', definition: 'assigned items with no reply by the date although a reply deadline passed before it' },
  repliedLate: { name: '逾期答复 replied late', kind: 'count', definition: 'replied items with a first-round reply sent after its deadline' },
  averageDaysToReply: { name: '平均答复天数 average days to reply', kind: 'days', definition: 'mean calendar days from assignment to the first-round reply, over replied items' },
  resolvedRate: { name: '办成率 resolved rate', kind: 'rate', definition: 'class A (solved or basically solved) ÷ replied; the class as of the date, follow-up replies included' },
  solvedOrPlannedRate: { name: '解决和列入计划率 solved-or-planned rate', kind: 'rate', definition: 'class A + B (solved, or being solved / planned) ÷ replied' },
  satisfiedRateFirst: { name: '首轮满意率 satisfaction, first round', kind: 'rate', definition: 'satisfied ÷ feedback received in the first round (verdict on the result; feedback not given is not received)' },
  satisfiedOrBasicallyRateFirst: { name: '首轮满意和基本满意率 satisfied + basically satisfied, first round', kind: 'rate', definition: '(satisfied + basically satisfied) ÷ feedback received in the first round' },
  satisfiedRateFinal: { name: '最终满意率 satisfaction, final', kind: 'rate', definition: 'satisfied ÷ feedback received, counting each proposer’s latest feedback received' },
  satisfiedOrBasicallyRateFinal: { name: '最终满意和基本满意率 satisfied + basically satisfied, final', kind: 'rate', definition: '(satisfied + basically satisfied) ÷ feedback received, each proposer’s latest' },
  contactRate: { name: '见面率 contact rate', kind: 'rate', definition: 'replies preceded by a recorded contact with the deputy ÷ replies (every round, follow-ups excluded)' },
  keyCount: { name: '重点建议 key suggestions', kind: 'count', definition: 'key suggestions as of the date' },
  keyPassed: { name: '测评通过 key: vote passed', kind: 'count', definition: 'key suggestions whose latest satisfaction vote by the date passed' },
  keyFailed: { name: '测评未通过 key: vote failed', kind: 'count', definition: 'key suggestions whose latest satisfaction vote by the date failed' },
  keyPending: { name: '待测评 key: not yet voted', kind: 'count', definition: 'key suggestions without a satisfaction vote by the date' },
} as const;

export type FigureKey = keyof typeof FIGURE_DEFINITIONS;

export const FIGURE_KEYS = Object.keys(FIGURE_DEFINITIONS) as FigureKey[];

export const PERFORMANCE_DEFINITIONS = {
  led: { name: '领衔 led', definition: 'suggestions submitted in the year with the deputy as lead deputy' },
  cosigned: { name: '联名 co-signed', definition: 'suggestions submitted in the year that the deputy co-signed (confirmed)' },
  feedbackGiven: { name: '反馈意见 feedback given', definition: 'feedback forms the deputy returned in the year (none given is not counted)' },
  belowMinimum: { name: '未达最低要求 below minimum', definition: 'led + co-signed is below the profile’s yearly minimum (deputyYearlyMinimum)' },
} as const;

export const SCORE_DEFINITION = 'score = Σ weight × rate (rates 0–1, a missing rate counts 0) − overduePenalty × (overdue not replied + replied late); weights from the profile’s unitScoring';
