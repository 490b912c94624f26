/** The figures of review-opinion lists (审议意见清单制) in the year's figures, each with its definition. */
export const REVIEW_OPINION_FIGURE_DEFINITIONS = {
  lists: { name: '审议意见清单 lists', kind: 'count', definition: 'review-opinion lists assigned in the year by the date, less those cancelled by then' },
  items: { name: '审议意见 items', kind: 'count', definition: 'review opinions on those lists (for a unit: those assigned to it)' },
  closed: { name: '已销号 closed', kind: 'count', definition: 'items the office closed (销号) by the date' },
  closedOnTime: {
    name: '按期销号 closed on time', kind: 'count',
    definition: 'items closed by the date and on or before the deadline set at assignment (a later deadline after sending back does not count)',
  },
  closedOnTimeRate: { name: '按期销号率 on-time rate', kind: 'rate', definition: 'closed on time ÷ items' },
  itemsSentBack: { name: '退回条数 items sent back', kind: 'count', definition: 'items the office sent back to their unit at least once by the date' },
  sendBacks: { name: '退回次数 send-backs', kind: 'count', definition: 'times items were sent back by the date' },
  overdue: { name: '逾期条数 overdue items', kind: 'count', definition: 'items whose deadline in force passed before the office closed them, by the date' },
  reportsSubmitted: { name: '书面报告已报送 reports submitted', kind: 'count', definition: 'lists whose written report on the whole list was submitted by the date' },
  reportsOverdue: { name: '书面报告逾期 reports overdue', kind: 'count', definition: 'lists whose written report was not submitted by a report deadline that passed by the date' },
  votePassed: { name: '测评通过 vote passed', kind: 'count', definition: 'lists whose latest satisfaction vote on the written report by the date passed' },
  voteFailed: { name: '测评未通过 vote failed', kind: 'count', definition: 'lists whose latest satisfaction vote on the written report by the date failed' },
  votePending: { name: '待测评 not yet voted', kind: 'count', definition: 'lists without a satisfaction vote on the written report by the date' },
} as const;

export type ReviewOpinionFigureKey = keyof typeof REVIEW_OPINION_FIGURE_DEFINITIONS;

/** The figures counted per item, so per unit and in total. */
export const REVIEW_ITEM_FIGURE_KEYS = ['items', 'closed', 'closedOnTime', 'closedOnTimeRate', 'itemsSentBack', 'sendBacks', 'overdue'] as const;
